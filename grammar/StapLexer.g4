// The lexer of the SystemTap script language, as its language reference
// defines it. Comments and white space are dropped here; the preprocessor
// (src/Passes/Parse/Preprocessor) then evaluates %( %? %: %) conditionals,
// expands @define macros and substitutes script arguments ($1 @1 $# @#)
// before the parser sees the tokens.
lexer grammar StapLexer;

HASH_COMMENT  : '#' ~[\r\n]*            -> skip ;
LINE_COMMENT  : '//' ~[\r\n]*           -> skip ;
// Comments and embedded code blocks run to their closing mark or to the end
// of the text; the parse pass reports the ones that never close.
BLOCK_COMMENT : '/*' ( ~'*' | '*'+ ~[*/] )* '*'+ '/' -> skip ;
UNTERMINATED_COMMENT : '/*' ( ~'*' | '*'+ ~[*/] )* '*'* EOF ;
WHITESPACE    : [ \t\r\n\f]+            -> skip ;

EMBEDDED      : '%{' ( ~'%' | '%'+ ~[%}] )* '%'+ '}' ;
UNTERMINATED_EMBEDDED : '%{' ( ~'%' | '%'+ ~[%}] )* '%'* EOF ;

PP_OPEN       : '%(' ;
PP_THEN       : '%?' ;
PP_ELSE       : '%:' ;
PP_CLOSE      : '%)' ;

PROBE    : 'probe' ;
GLOBAL   : 'global' ;
PRIVATE  : 'private' ;
FUNCTION : 'function' ;
IF       : 'if' ;
ELSE     : 'else' ;
WHILE    : 'while' ;
FOR      : 'for' ;
FOREACH  : 'foreach' ;
IN       : 'in' ;
LIMIT    : 'limit' ;
RETURN   : 'return' ;
DELETE   : 'delete' ;
NEXT     : 'next' ;
BREAK    : 'break' ;
CONTINUE : 'continue' ;
TRY      : 'try' ;
CATCH    : 'catch' ;

// $1 and @1 are script arguments, $# and @# their count.
SCRIPT_ARG : [$@] ( [0-9]+ | '#' ) ;
// A pretty-printing suffix standing alone: `$foo[1]$`, `@cast(p, "t")$$`, `$p->$`.
PRETTY_SUFFIX : '$'+ ;
// $name, $$vars, $name$ and $name$$ (pretty-printing suffixes). As in stap, a name
// goes on through letters, digits, '_' and '$'.
TARGET     : '$'+ [a-zA-Z_] [a-zA-Z0-9_$]* ;
// @count, @entry, @cast, @define, and every macro invocation.
AT_NAME    : '@' [a-zA-Z_] [a-zA-Z0-9_$]* ;
// `foo$1$2` is one name: argument substitution starts only a token.
IDENTIFIER : [a-zA-Z_] [a-zA-Z0-9_$]* ;

// Any run of digits and letters that starts with a digit: the parse pass
// checks it is a well-formed decimal, octal or hexadecimal number.
NUMBER : [0-9] [0-9a-zA-Z_]* ;
STRING : '"' ( '\\' ~[\r\n] | ~["\\\r\n] )* '"' ;
UNTERMINATED_STRING : '"' ( '\\' ~[\r\n] | ~["\\\r\n] )* ;

STAT_ACCUMULATE : '<<<' ;
SHL_ASSIGN : '<<=' ;
SHR_ASSIGN : '>>=' ;
SHL        : '<<' ;
SHRU       : '>>>' ;
SHR        : '>>' ;
LE         : '<=' ;
GE         : '>=' ;
EQ         : '==' ;
NE         : '!=' ;
MATCH      : '=~' ;
NOT_MATCH  : '!~' ;
AND_AND    : '&&' ;
OR_OR      : '||' ;
INCREMENT  : '++' ;
DECREMENT  : '--' ;
ADD_ASSIGN : '+=' ;
SUB_ASSIGN : '-=' ;
MUL_ASSIGN : '*=' ;
DIV_ASSIGN : '/=' ;
MOD_ASSIGN : '%=' ;
AND_ASSIGN : '&=' ;
OR_ASSIGN  : '|=' ;
XOR_ASSIGN : '^=' ;
CAT_ASSIGN : '.=' ;
ARROW      : '->' ;

ASSIGN    : '=' ;
PLUS      : '+' ;
MINUS     : '-' ;
STAR      : '*' ;
SLASH     : '/' ;
PERCENT   : '%' ;
LT        : '<' ;
GT        : '>' ;
BANG      : '!' ;
TILDE     : '~' ;
AMP       : '&' ;
PIPE      : '|' ;
CARET     : '^' ;
DOT       : '.' ;
COMMA     : ',' ;
SEMICOLON : ';' ;
COLON     : ':' ;
QUESTION  : '?' ;
LPAREN    : '(' ;
RPAREN    : ')' ;
LBRACKET  : '[' ;
RBRACKET  : ']' ;
LBRACE    : '{' ;
RBRACE    : '}' ;

UNKNOWN_CHARACTER     : . ;
