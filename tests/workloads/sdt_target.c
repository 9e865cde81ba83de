/* Fires SDT markers from <sys/sdt.h>: tapline:tick (i, -i, 7) COUNT times, and
   tapline:guarded (i) each time its semaphore says a tracer is attached; prints how
   many times the guarded marker ran, then exits.
   Usage: sdt_target COUNT */
#define _SDT_HAS_SEMAPHORES 1
#include <stdio.h>
#include <stdlib.h>
#include <sys/sdt.h>

unsigned short tapline_tick_semaphore __attribute__((unused)) __attribute__((section(".probes")));
unsigned short tapline_guarded_semaphore __attribute__((unused)) __attribute__((section(".probes")));

int main(int argc, char **argv)
{
    long count = argc > 1 ? strtol(argv[1], NULL, 10) : 10;
    long guarded = 0;
    for (long i = 0; i < count; i++) {
        int negative = (int)-i;
        STAP_PROBE3(tapline, tick, i, negative, 7);
        if (tapline_guarded_semaphore) {
            guarded++;
            STAP_PROBE1(tapline, guarded, i);
        }
    }
    printf("%ld\n", guarded);
    return 0;
}
