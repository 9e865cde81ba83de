/* Calls add(i, 2 * i) COUNT times, then name_length(PATH-i) COUNT times, and exits: the
   functions a uprobe test probes at their entry and return.
   Usage: uprobe_target COUNT PATH */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__attribute__((noinline)) long add(long a, long b)
{
    __asm__ volatile("" ::: "memory");
    return a + b;
}

__attribute__((noinline)) long name_length(const char *name)
{
    __asm__ volatile("" ::: "memory");
    return (long)strlen(name);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: uprobe_target COUNT PATH\n");
        return 2;
    }
    long count = strtol(argv[1], NULL, 10);
    long total = 0;
    char name[4096];
    for (long i = 0; i < count; i++)
        total += add(i, 2 * i);
    for (long i = 0; i < count; i++) {
        snprintf(name, sizeof name, "%s-%ld", argv[2], i);
        total += name_length(name);
        name[0] = 0;
    }
    return total == 0 ? 1 : 0;
}
