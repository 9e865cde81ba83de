embedded_expressions.stp:3:19: error: '%{ %}' cannot be used here: embedded code as a value is not implemented yet; call a function whose body is %{ return ...; %} [STP2033]
    probe begin { x = %{ 6 * 7 %} printf("%d %d\n", x, answer()) exit() }
                      ^~~~~~~~~~~
