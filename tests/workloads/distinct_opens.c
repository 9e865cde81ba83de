/* Makes COUNT openat calls, each on its own path PREFIX-N (N from 0), none of which may
   exist, and exits at once: a process whose memory is gone soon after its last call.
   Usage: distinct_opens COUNT PREFIX */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: distinct_opens COUNT PREFIX\n");
        return 2;
    }
    long count = strtol(argv[1], NULL, 10);
    char path[4096];
    for (long i = 0; i < count; i++) {
        snprintf(path, sizeof path, "%s-%ld", argv[2], i);
        int fd = openat(AT_FDCWD, path, O_RDONLY);
        if (fd >= 0)
            close(fd);
        /* Overwrite the path before the next call: a late read cannot find it any more. */
        path[0] = 0;
    }
    return 0;
}
