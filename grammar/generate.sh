#!/usr/bin/env bash
# Regenerates the C# lexer and parser from the grammar, into grammar/Generated
# (or into the directory given as $1, which the staleness check uses).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/Generated}
cd "$here/.."
[ -x node_modules/.bin/antlr-ng ] || npm ci --silent
rm -rf "$out" && mkdir -p "$out"
npx --no-install antlr-ng -Dlanguage=CSharp -v -l false -w -p Tapline.Grammar.Generated -o "$out" \
    grammar/StapLexer.g4 grammar/StapParser.g4 >/dev/null
# antlr-ng mirrors the input path under the output directory; flatten it.
if [ -d "$out/grammar" ]; then mv "$out"/grammar/* "$out"/ && rmdir "$out/grammar"; fi
rm -f "$out"/*.interp "$out"/*.tokens
