/* Makes exactly COUNT openat calls on PATH, which must not exist, and then exits.
   Usage: failing_open COUNT PATH [DELAY_MICROSECONDS] */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: failing_open COUNT PATH [DELAY_MICROSECONDS]\n");
        return 2;
    }
    long count = strtol(argv[1], NULL, 10);
    long delay = argc > 3 ? strtol(argv[3], NULL, 10) : 0;
    long failed = 0;
    for (long i = 0; i < count; i++) {
        if (openat(AT_FDCWD, argv[2], O_RDONLY) < 0)
            failed++;
        if (delay > 0)
            usleep(delay);
    }
    return failed == count ? 0 : 1;
}
