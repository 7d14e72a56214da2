/*
 * The floor of this machine for a 20 ms loop: what a trivial C thread gets, with no JVM, no work and
 * no sockets. It sleeps to absolute 20 ms deadlines (clock_nanosleep TIMER_ABSTIME, CLOCK_MONOTONIC,
 * the clock System.nanoTime reads) and prints |interval - 20 ms| median/p99/max, the same figures as
 * MediaBench, plus the CPU time stolen by the hypervisor during the run (/proc/stat). With "fifo" it
 * first asks for SCHED_FIFO 10 and a 1 ns timer slack, as the phone's media thread does.
 * Late wake-ups (> LATE_MS) are listed with their CLOCK_MONOTONIC time, to line up with other logs.
 * Build: cc -O2 -o pacing_reference pacing_reference.c   Usage: pacing_reference SECONDS [fifo] [LATE_MS]
 */
#define _GNU_SOURCE
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <time.h>

static long long now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000000000LL + t.tv_nsec;
}

static long long steal_ticks(void) {
    FILE *f = fopen("/proc/stat", "r");
    long long v[8] = {0};
    if (!f) return -1;
    if (fscanf(f, "cpu %lld %lld %lld %lld %lld %lld %lld %lld", &v[0], &v[1], &v[2], &v[3], &v[4], &v[5], &v[6], &v[7]) != 8) v[7] = -1;
    fclose(f);
    return v[7];
}

static int cmp(const void *a, const void *b) {
    double x = *(const double *) a, y = *(const double *) b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
    int seconds = argc > 1 ? atoi(argv[1]) : 60;
    int fifo = argc > 2 && strcmp(argv[2], "fifo") == 0;
    double late_ms = argc > 3 ? atof(argv[3]) : 2.0;
    const char *policy = "SCHED_OTHER";
    if (fifo) {
        struct sched_param p = {.sched_priority = 10};
        if (sched_setscheduler(0, SCHED_FIFO, &p) == 0) policy = "SCHED_FIFO 10";
        else perror("sched_setscheduler");
        prctl(PR_SET_TIMERSLACK, 1UL, 0, 0, 0);
    }
    int n = seconds * 50;
    long long *wake = calloc(n, sizeof *wake);
    double *dev = calloc(n, sizeof *dev);
    long long steal0 = steal_ticks();
    long long deadline = now_ns();
    for (int i = 0; i < n; i++) {
        deadline += 20000000LL;
        struct timespec t = {deadline / 1000000000LL, deadline % 1000000000LL};
        while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &t, NULL) != 0) { }
        wake[i] = now_ns();
    }
    long long steal1 = steal_ticks();
    int m = 0;
    for (int i = 1; i < n; i++) {
        double d = (wake[i] - wake[i - 1]) / 1e6 - 20;
        if (d < 0) d = -d;
        if (d > late_ms) printf("late: interval ending at %.6f s monotonic deviates %.3f ms\n", wake[i] / 1e9, d);
        dev[m++] = d;
    }
    qsort(dev, m, sizeof *dev, cmp);
    printf("C reference loop, %s, %d s: |interval - 20 ms| median %.3f, p99 %.3f, max %.3f ms; steal %.2f s (all CPUs)\n",
           policy, seconds, dev[m / 2], dev[(int) (0.99 * m + 0.999999) - 1], dev[m - 1], (steal1 - steal0) / 100.0);
    return 0;
}
