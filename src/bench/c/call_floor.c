/*
 * The floor of this machine for one call's CPU: the system calls a phone cannot do without, and
 * nothing else (no JVM, no codec, no jitter buffer). Two processes on 127.0.0.1, like the phone and
 * baresip in run-call-cpu-bench.sh:
 *   - "phone": wakes at each 20 ms deadline (clock_nanosleep TIMER_ABSTIME), reads what the peer
 *     sent (one non-blocking recvmmsg of up to 10 datagrams, each with the kernel's arrival stamp as
 *     an SO_TIMESTAMPNS control message, as the phone reads), sends one 172-byte RTP-sized datagram
 *     to the peer, and writes its 640-byte frame to a file 50 frames at a time, then 44 bytes at
 *     the file's start (what the phone's WAV earpiece does: a second of audio, then the header);
 *   - "peer": one thread blocks on the socket (woken by each datagram, as baresip's is), another
 *     sends a datagram every 20 ms.
 * It prints the phone side's CPU (getrusage of its own process) per minute of call.
 * Build: cc -O2 -pthread -o call_floor call_floor.c
 * Usage: call_floor SECONDS PHONE_PORT PEER_PORT OUT_FILE [fifo]   (forks the peer; both end by
 * themselves). With "fifo" the phone side first asks for SCHED_FIFO 10 and a 1 ns timer slack, as
 * the phone's media thread does.
 *        call_floor peer SECONDS PEER_PORT PHONE_PORT   (the peer alone, for the Java floor,
 * src/bench/java/sipdesk/media/rtp/JavaCallFloor.java; it ends after SECONDS + 1).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sched.h>
#include <sys/uio.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define FRAME_NS 20000000LL
#define PACKET 172
#define FRAME_BYTES 640
#define FRAMES_PER_WRITE 50

static long long now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000000000LL + t.tv_nsec;
}

static void sleep_until(long long deadline) {
    struct timespec t = {deadline / 1000000000LL, deadline % 1000000000LL};
    while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &t, NULL) != 0) { }
}

static int udp_socket(int port) {
    int s = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(port)};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (s < 0 || bind(s, (struct sockaddr *) &a, sizeof a) != 0) { perror("bind"); exit(1); }
    return s;
}

static struct sockaddr_in loopback(int port) {
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(port)};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return a;
}

struct peer { int socket; struct sockaddr_in to; int frames; };

static void *peer_receive(void *arg) {
    struct peer *p = arg;
    char buf[2048];
    for (;;) if (recv(p->socket, buf, sizeof buf, 0) < 0 && errno != EINTR) return NULL;
}

static void run_peer(int seconds, int phone_port, int peer_port, pid_t phone) {
    if (phone != 0) {
        prctl(PR_SET_PDEATHSIG, SIGTERM); /* the phone side gone (killed): so is the peer */
        if (getppid() != phone) _exit(1);
    }
    struct peer p = {udp_socket(peer_port), loopback(phone_port), seconds * 50 + 50};
    pthread_t receiver;
    pthread_create(&receiver, NULL, peer_receive, &p);
    char packet[PACKET] = {(char) 0x80};
    long long deadline = now_ns();
    for (int i = 0; i < p.frames; i++) {
        deadline += FRAME_NS;
        sleep_until(deadline);
        sendto(p.socket, packet, sizeof packet, 0, (struct sockaddr *) &p.to, sizeof p.to);
    }
    _exit(0);
}

int main(int argc, char **argv) {
    if (argc == 5 && strcmp(argv[1], "peer") == 0) run_peer(atoi(argv[2]), atoi(argv[4]), atoi(argv[3]), 0);
    if (argc < 5) { fprintf(stderr, "usage: %s SECONDS PHONE_PORT PEER_PORT OUT_FILE\n", argv[0]); return 2; }
    int seconds = atoi(argv[1]), phone_port = atoi(argv[2]), peer_port = atoi(argv[3]);
    int s = udp_socket(phone_port);
    pid_t phone = getpid();
    pid_t peer = fork();
    if (peer < 0) { perror("fork"); return 1; }
    if (peer == 0) {
        close(s);
        run_peer(seconds, phone_port, peer_port, phone);
    }
    if (argc > 5 && strcmp(argv[5], "fifo") == 0) {
        struct sched_param fifo = {.sched_priority = 10};
        if (sched_setscheduler(0, SCHED_FIFO, &fifo) != 0) perror("sched_setscheduler");
        prctl(PR_SET_TIMERSLACK, 1UL, 0, 0, 0);
    }
    int out = open(argv[4], O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (out < 0) { perror("open"); kill(peer, SIGTERM); waitpid(peer, NULL, 0); return 1; }
    int on = 1;
    if (setsockopt(s, SOL_SOCKET, SO_TIMESTAMPNS, &on, sizeof on) != 0) perror("SO_TIMESTAMPNS");
    struct mmsghdr batch[10];
    struct iovec iov[10];
    struct sockaddr_in from[10];
    char in[10][2048], control[10][64];
    long long stamps = 0;
    struct sockaddr_in to = loopback(peer_port);
    char packet[PACKET] = {(char) 0x80}, frames[FRAME_BYTES * FRAMES_PER_WRITE] = {0};
    struct rusage r0, r1;
    getrusage(RUSAGE_SELF, &r0);
    long long received = 0, deadline = now_ns();
    for (int i = 0; i < seconds * 50; i++) {
        deadline += FRAME_NS;
        sleep_until(deadline);
        for (int n = 0; n < 10; n++) {
            iov[n] = (struct iovec) {in[n], sizeof in[n]};
            batch[n].msg_hdr = (struct msghdr) {.msg_name = &from[n], .msg_namelen = sizeof from[n], .msg_iov = &iov[n],
                    .msg_iovlen = 1, .msg_control = control[n], .msg_controllen = sizeof control[n]};
        }
        int count = recvmmsg(s, batch, 10, MSG_DONTWAIT, NULL);
        for (int n = 0; n < count; n++) {
            received++;
            for (struct cmsghdr *c = CMSG_FIRSTHDR(&batch[n].msg_hdr); c; c = CMSG_NXTHDR(&batch[n].msg_hdr, c)) {
                if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SO_TIMESTAMPNS) stamps++;
            }
        }
        sendto(s, packet, sizeof packet, 0, (struct sockaddr *) &to, sizeof to);
        if ((i + 1) % FRAMES_PER_WRITE == 0 && (write(out, frames, sizeof frames) < 0 || pwrite(out, frames, 44, 0) < 0)) {
            perror("write");
        }
    }
    getrusage(RUSAGE_SELF, &r1);
    double cpu = (r1.ru_utime.tv_sec - r0.ru_utime.tv_sec) + (r1.ru_utime.tv_usec - r0.ru_utime.tv_usec) / 1e6
               + (r1.ru_stime.tv_sec - r0.ru_stime.tv_sec) + (r1.ru_stime.tv_usec - r0.ru_stime.tv_usec) / 1e6;
    printf("C call floor, %d s: %.2f s/min (%.2f %% of a core), %lld datagrams received, %lld stamped\n",
           seconds, cpu * 60 / seconds, cpu / seconds * 100, received, stamps);
    kill(peer, SIGTERM);
    waitpid(peer, NULL, 0);
    if (received == 0) {
        fprintf(stderr, "call_floor: nothing came from the peer (could it bind 127.0.0.1:%d?): the floor is not a call's\n", peer_port);
        return 1;
    }
    return 0;
}
