// SPDX-License-Identifier: GPL-2.0
/*
 * tagged_addr: Linux's arm64 tagged-address ABI, the part that needs no
 * opt-in. TCR_EL1.TBI0 is set (as in Linux v5.15's __cpu_setup), so the MMU
 * ignores the top byte of a user address: a pointer with a tag in bits
 * 63:56 reads and writes the same memory as the untagged one, a first
 * touch through a tagged pointer is a normal page fault (the kernel looks
 * the address up untagged), and a tagged pointer to nothing still gets
 * SIGSEGV. System calls only accept tagged pointers after
 * prctl(PR_SET_TAGGED_ADDR_CTRL), which headstart does not implement, and
 * without it Linux answers -EFAULT: so does headstart.
 * Each access that could kill the test runs in a child.
 */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ktap.h"

static void *tag(void *p, unsigned int t)
{
	return (void *)(((uintptr_t)p & ~(0xffUL << 56)) | ((uintptr_t)t << 56));
}

static void stack_through_tag(void)
{
	volatile int x = 42;
	volatile int *p = tag((void *)&x, 0x5a);

	if (*p != 42)
		_exit(2);
	*p = 7;
	_exit(x == 7 ? 0 : 3);
}

static void heap_through_tag(void)
{
	char *buf = malloc(64);
	volatile char *p;

	if (!buf)
		_exit(2);
	buf[10] = 'h';
	p = tag(buf, 0xff);
	if (p[10] != 'h')
		_exit(3);
	p[11] = 'i';
	_exit(buf[11] == 'i' ? 0 : 4);
}

/* A fresh anonymous page: its first touch is through the tagged pointer. */
static void first_touch_through_tag(void)
{
	char *page = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	volatile char *p;

	if (page == MAP_FAILED)
		_exit(2);
	p = tag(page, 0x3c);
	p[100] = 'x';			/* demand-zero fault at a tagged address */
	_exit(page[100] == 'x' && p[101] == 0 ? 0 : 3);
}

static void tagged_null(void)
{
	*(volatile int *)tag(NULL, 0x11) = 1;
	_exit(0);
}

/* Run fn in a child: its wait status. */
static int child_status(void (*fn)(void))
{
	int status = -1;
	pid_t pid = fork();

	if (pid == 0)
		fn();
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

static void expect_exit0(void (*fn)(void), const char *name)
{
	int status = child_status(fn);

	if (!ktap_result(status >= 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0,
			 "%s", name))
		ktap_diag("wait status %#x", status);
}

int main(void)
{
	static const char msg[] = "tagged\n";
	int status;
	long r;

	ktap_start("tagged_addr", 5);
	expect_exit0(stack_through_tag, "stack_through_tagged_pointer");
	expect_exit0(heap_through_tag, "heap_through_tagged_pointer");
	expect_exit0(first_touch_through_tag, "page_fault_at_tagged_address");

	status = child_status(tagged_null);
	if (!ktap_result(status >= 0 && WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV,
			 "tagged_null_is_sigsegv"))
		ktap_diag("wait status %#x", status);

	r = __syscall3(__NR_write, 1, (long)tag((void *)msg, 0x42), sizeof(msg) - 1);
	if (!ktap_result(r == -EFAULT, "syscall_with_tagged_pointer_is_efault"))
		ktap_diag("write returned %ld", r);
	return ktap_finish();
}
