// The parser of the SystemTap script language. It sees the token stream after
// preprocessing. Operator precedence follows SystemTap's own parser, from the
// loosest binding (assignment) to the tightest (postfix increment, which, as
// in SystemTap, applies once to a value: `i++ ++j` is two statements).
parser grammar StapParser;

options { tokenVocab = StapLexer; }

script : declaration* EOF ;

declaration
    : probeDeclaration
    | aliasDeclaration
    | functionDeclaration
    | globalDeclaration
    | EMBEDDED
    ;

probeDeclaration : PROBE probePoints block ;

aliasDeclaration : PROBE names=probePoints ( ASSIGN | ADD_ASSIGN ) targets=probePoints block ;

probePoints : probePoint ( COMMA probePoint )* ;

probePoint : component ( DOT component )* ( QUESTION | BANG )* ( IF LPAREN expression RPAREN )? ;

// `{open,close}` stands for each of the probe points it holds, at its place: the
// parse pass expands a point into the product of its components' alternatives.
component
    : LBRACE probePoints RBRACE                                                 # braceComponent
    | componentName ( LPAREN componentArgument RPAREN )?                        # namedComponent
    ;

// A name such as `syscall`, `*`, `sys_*` or `return`: adjacent pieces, glued
// by the parse pass, which rejects white space between them.
componentName : namePiece+ ;

namePiece
    : IDENTIFIER | STAR | NUMBER
    | PROBE | GLOBAL | PRIVATE | FUNCTION | ELSE | WHILE | FOR | FOREACH | IN | LIMIT
    | RETURN | DELETE | NEXT | BREAK | CONTINUE | TRY | CATCH
    ;

componentArgument : STRING | MINUS? NUMBER ;

functionDeclaration
    : PRIVATE? FUNCTION IDENTIFIER ( COLON typeName )? LPAREN ( parameter ( COMMA parameter )* )? RPAREN
      ( block | EMBEDDED )
    ;

parameter : IDENTIFIER ( COLON typeName )? ;

typeName : IDENTIFIER ;

// stap takes a `;` after a global declaration (`global ts[65536];`), and prints none;
// `private x` is short for `private global x`.
globalDeclaration : ( PRIVATE GLOBAL? | GLOBAL ) globalVariable ( COMMA globalVariable )* SEMICOLON? ;

globalVariable
    : IDENTIFIER PERCENT? ( LBRACKET NUMBER RBRACKET )? ( ASSIGN literal )?
    ;

literal : STRING | MINUS? NUMBER ;

block : LBRACE statement* RBRACE ;

statement
    : block                                                                     # blockStatement
    | SEMICOLON                                                                 # emptyStatement
    | EMBEDDED                                                                  # embeddedStatement
    | IF LPAREN expression RPAREN statement ( ELSE statement )?                  # ifStatement
    | WHILE LPAREN expression RPAREN statement                                  # whileStatement
    | FOR LPAREN init=expression? SEMICOLON condition=expression? SEMICOLON step=expression? RPAREN statement # forStatement
    | FOREACH LPAREN foreachHeader RPAREN statement                             # foreachStatement
    | TRY block CATCH ( LPAREN IDENTIFIER RPAREN )? block                       # tryStatement
    | RETURN expression? SEMICOLON?                                             # returnStatement
    | BREAK SEMICOLON?                                                          # breakStatement
    | CONTINUE SEMICOLON?                                                       # continueStatement
    | NEXT SEMICOLON?                                                           # nextStatement
    | DELETE expression SEMICOLON?                                              # deleteStatement
    | expression SEMICOLON?                                                     # expressionStatement
    ;

foreachHeader
    : ( bound=foreachVariable ASSIGN )? foreachKeys IN foreachSource arrayIndex? aggregate=AT_NAME? sortMarker? ( LIMIT limit=expression )?
    ;

// An array, or the buckets of a histogram (`@hist_log(s)`).
foreachSource
    : IDENTIFIER                                                                # arraySource
    | AT_NAME LPAREN argumentList? RPAREN                                       # histogramSource
    ;

foreachKeys
    : foreachVariable
    | LBRACKET foreachVariable ( COMMA foreachVariable )* RBRACKET
    ;

foreachVariable : IDENTIFIER sortMarker? ;

sortMarker : PLUS | MINUS ;

expression
    : value op=( INCREMENT | DECREMENT )                                        # postfixExpression
    | value                                                                     # valueExpression
    | op=( INCREMENT | DECREMENT ) value                                        # prefixExpression
    | op=( BANG | TILDE | MINUS | PLUS ) expression                             # unaryExpression
    | expression op=( STAR | SLASH | PERCENT ) expression                       # binaryExpression
    | expression op=( PLUS | MINUS ) expression                                 # binaryExpression
    | expression op=DOT expression                                              # binaryExpression
    | expression op=( SHL | SHR | SHRU ) expression                                    # binaryExpression
    | expression op=( LT | LE | GT | GE | EQ | NE | MATCH | NOT_MATCH ) expression # binaryExpression
    | expression IN IDENTIFIER                                                  # inExpression
    | LBRACKET indexList RBRACKET IN IDENTIFIER                                 # tupleInExpression
    | expression op=AMP expression                                              # binaryExpression
    | expression op=CARET expression                                            # binaryExpression
    | expression op=PIPE expression                                             # binaryExpression
    | expression op=AND_AND expression                                          # binaryExpression
    | expression op=OR_OR expression                                            # binaryExpression
    | <assoc=right> expression QUESTION expression COLON expression             # ternaryExpression
    | <assoc=right> expression op=( ASSIGN | ADD_ASSIGN | SUB_ASSIGN | MUL_ASSIGN | DIV_ASSIGN
        | MOD_ASSIGN | SHL_ASSIGN | SHR_ASSIGN | AND_ASSIGN | OR_ASSIGN | XOR_ASSIGN
        | CAT_ASSIGN | STAT_ACCUMULATE ) expression                             # assignmentExpression
    ;

// What stap calls a "dwarf value": a primary, an optional `&` before it, and the
// members and pretty-printing suffix after it. Members after anything but a context
// variable, @cast or @var make an autocast (`f()->x`, `(p)[1]`).
value : AMP? primary memberAccess* PRETTY_SUFFIX? ;

primary
    : NUMBER                                                                    # numberPrimary
    | STRING                                                                    # stringPrimary
    | EMBEDDED                                                                  # embeddedPrimary
    | IDENTIFIER LPAREN argumentList? RPAREN                                    # callPrimary
    | IDENTIFIER arrayIndex                                                     # indexPrimary
    | IDENTIFIER                                                                # namePrimary
    | TARGET                                                                    # targetPrimary
    | AT_NAME LPAREN argumentList? RPAREN                                       # operatorPrimary
    | LPAREN expression RPAREN                                                  # parenthesizedPrimary
    ;

memberAccess
    : ARROW memberName                                                          # fieldAccess
    | LBRACKET expression RBRACKET                                              # elementAccess
    ;

// A member may be named by a keyword (`$timer->function`) or end a pretty-print (`$p->$`).
memberName
    : IDENTIFIER | PRETTY_SUFFIX
    | PROBE | GLOBAL | PRIVATE | FUNCTION | IF | ELSE | WHILE | FOR | FOREACH | IN | LIMIT
    | RETURN | DELETE | NEXT | BREAK | CONTINUE | TRY | CATCH
    ;

arrayIndex : LBRACKET indexList RBRACKET ;

indexList : indexElement ( COMMA indexElement )* ;

indexElement : STAR | expression ;

argumentList : expression ( COMMA expression )* ;
