/* A syscall storm: COUNT getppid calls and COUNT failing openat calls, as fast as the
   kernel allows. Prints the nanoseconds it took, so a benchmark can compare runs.
   Usage: syscall_storm COUNT */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    long count = argc > 1 ? strtol(argv[1], NULL, 10) : 100000;
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (long i = 0; i < count; i++) {
        syscall(SYS_getppid);
        openat(AT_FDCWD, "/nonexistent/tapline-storm", O_RDONLY);
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    printf("%ld\n", (end.tv_sec - start.tv_sec) * 1000000000L + (end.tv_nsec - start.tv_nsec));
    return 0;
}
