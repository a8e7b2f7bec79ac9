// SPDX-License-Identifier: GPL-2.0
/*
 * tools/testing/unit/test_fs_records.c: the records the file system calls
 * write to user space, from the real fs/readdir.c and fs/stat.c:
 * struct linux_dirent64 as getdents64 packs it (sizes, padding, resuming
 * when the buffer is full) and struct stat as arm64 lays it out. User
 * copies are plain memcpy here; the file and path helpers are stubs.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/list.h>
#include <asm/ptrace.h>
#include <uapi/asm-generic/stat.h>

/* ---- what the two files call --------------------------------------------- */

unsigned long __arch_copy_to_user(void *to, const void *from, unsigned long n)
{
	memcpy(to, from, n);
	return 0;
}

static struct file dir_file;
static const char *const entries[] = { ".", "..", "bin", "a-much-longer-name.txt", "x" };

struct file *fget(unsigned int fd)
{
	return fd == 3 ? &dir_file : NULL;
}

void fput(struct file *file)
{
}

int filename_lookup(int dfd, const char *path, struct ramfs_inode **res)
{
	return -ENOENT;
}

int user_path_at(int dfd, const char *filename, unsigned int at_flags,
		 struct ramfs_inode **res)
{
	return -ENOENT;
}

char *getname(const char *filename, int *err)
{
	return strdup(filename);
}

void putname(char *name)
{
	free(name);
}

void iput(struct ramfs_inode *inode)
{
}

/* A directory of five entries, the way ramfs lists them (pos = index). */
static int fake_iterate(struct file *file, struct dir_context *ctx)
{
	for (; ctx->pos < 5; ctx->pos++) {
		const char *n = entries[ctx->pos];

		if (!ctx->actor(ctx, n, strlen(n), ctx->pos + 1, 100 + ctx->pos,
				ctx->pos < 3 ? DT_DIR : DT_REG))
			return 0;
	}
	return 0;
}

static const struct file_operations fake_dir_ops = { .iterate = fake_iterate };
static struct ramfs_inode dir_inode = { .ino = 7, .mode = S_IFDIR | 0755 };

long __arm64_sys_getdents64(const struct pt_regs *regs);
long __arm64_sys_fstat(const struct pt_regs *regs);

static long getdents64(int fd, void *buf, unsigned int count)
{
	struct pt_regs regs = { 0 };

	regs.regs[0] = fd;
	regs.regs[1] = (unsigned long)buf;
	regs.regs[2] = count;
	return __arm64_sys_getdents64(&regs);
}

/* The kernel's record layout, read back the way user space does. */
struct rec {
	unsigned long long d_ino;
	long long d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

static void test_dirent_record_sizes(void **state)
{
	unsigned char buf[64];
	struct rec *r = (struct rec *)buf;

	memset(buf, 0xaa, sizeof(buf));
	assert_int_equal(dirent64_pack(buf, sizeof(buf), 42, 3, DT_REG, "hello", 5), 32);
	assert_int_equal(r->d_ino, 42);
	assert_int_equal(r->d_off, 3);
	assert_int_equal(r->d_reclen, 32);	/* 19 + 6 = 25, rounded up to 8 */
	assert_int_equal(r->d_type, DT_REG);
	assert_string_equal(r->d_name, "hello");
	for (int i = 25; i < 32; i++)
		assert_int_equal(buf[i], 0);	/* padding is cleared, not leaked */
	assert_int_equal(buf[32], 0xaa);	/* and nothing past the record */
	assert_int_equal(dirent64_pack(buf, sizeof(buf), 1, 1, DT_DIR, ".", 1), 24);
	assert_int_equal(dirent64_pack(buf, sizeof(buf), 1, 1, DT_DIR, "12345", 4), 24);
	assert_int_equal(dirent64_pack(buf, sizeof(buf), 1, 1, DT_DIR, "12345", 5), 32);
	assert_int_equal(dirent64_pack(buf, 31, 1, 1, DT_DIR, "hello", 5), 0);	/* no room */
	assert_int_equal(fs_umode_to_dtype(S_IFCHR | 0600), DT_CHR);
	assert_int_equal(fs_umode_to_dtype(S_IFLNK | 0777), DT_LNK);
}

static void test_getdents64_fills_and_resumes(void **state)
{
	unsigned char buf[4096] __attribute__((aligned(8)));
	char names[256] = "";
	long n, total = 0;
	int calls = 0;

	dir_file = (struct file){ .f_op = &fake_dir_ops, .f_inode = &dir_inode };
	/* A 48-byte buffer holds one or two records: several calls, each resuming. */
	while ((n = getdents64(3, buf, 48)) > 0) {
		for (long off = 0; off < n; ) {
			struct rec *r = (struct rec *)(buf + off);

			assert_int_equal(r->d_reclen % 8, 0);
			assert_int_equal(r->d_ino, 100 + (r->d_off - 1));
			strcat(names, r->d_name);
			strcat(names, "/");
			off += r->d_reclen;
		}
		total += n;
		calls++;
	}
	assert_int_equal(n, 0);
	assert_string_equal(names, "./../bin/a-much-longer-name.txt/x/");
	assert_true(calls >= 3);
	assert_int_equal(dir_file.f_pos, 5);

	/* A buffer too small for even one record: -EINVAL, as on Linux. */
	dir_file.f_pos = 3;
	assert_int_equal(getdents64(3, buf, 40), -EINVAL);
	assert_int_equal(dir_file.f_pos, 3);
	assert_int_equal(getdents64(9, buf, sizeof(buf)), -EBADF);
	/* One call with room for all. */
	dir_file.f_pos = 0;
	assert_int_equal(getdents64(3, buf, sizeof(buf)), 24 + 24 + 24 + 48 + 24);
}

static void test_stat_layout_is_arm64s(void **state)
{
	/* Offsets of the arm64 (asm-generic) struct stat. */
	assert_int_equal(offsetof(struct stat, st_dev), 0);
	assert_int_equal(offsetof(struct stat, st_ino), 8);
	assert_int_equal(offsetof(struct stat, st_mode), 16);
	assert_int_equal(offsetof(struct stat, st_nlink), 20);
	assert_int_equal(offsetof(struct stat, st_uid), 24);
	assert_int_equal(offsetof(struct stat, st_gid), 28);
	assert_int_equal(offsetof(struct stat, st_rdev), 32);
	assert_int_equal(offsetof(struct stat, st_size), 48);
	assert_int_equal(offsetof(struct stat, st_blksize), 56);
	assert_int_equal(offsetof(struct stat, st_blocks), 64);
	assert_int_equal(offsetof(struct stat, st_atime), 72);
	assert_int_equal(offsetof(struct stat, st_mtime), 88);
	assert_int_equal(offsetof(struct stat, st_ctime), 104);
	assert_int_equal(sizeof(struct stat), 128);
}

static void test_stat_fields(void **state)
{
	struct ramfs_inode dev = { .ino = 9, .mode = S_IFCHR | 0600, .rdev = MKDEV(204, 64),
				   .mtime = 1234, .i_nlink = 1, .i_sdev = DEVTMPFS_DEV };
	struct ramfs_inode file = { .ino = 10, .mode = S_IFREG | 0644, .size = 513,
				    .i_nlink = 1, .i_sdev = ROOTFS_DEV };
	struct ramfs_inode linked = { .ino = 11, .mode = S_IFREG | 0644, .i_nlink = 3 };
	struct stat st;

	memset(&st, 0xff, sizeof(st));
	cp_new_stat(&dev, &st);
	assert_int_equal(st.st_ino, 9);
	assert_int_equal(st.st_mode, S_IFCHR | 0600);
	assert_int_equal(st.st_rdev, (204 << 8) | 64);	/* user space's makedev(204, 64) */
	assert_int_equal(st.st_mtime, 1234);
	assert_int_equal(st.st_dev, 3);		/* devtmpfs: 0:3 */
	assert_int_equal(st.__pad1, 0);
	assert_int_equal(st.__unused4 | st.__unused5, 0);
	assert_int_equal(new_encode_dev(MKDEV(5, 1)), 0x501);
	/* minor bits 8-19 go to 20-31 */
	assert_int_equal(new_encode_dev(MKDEV(1, 0x12345)), 0x12300000 | 0x100 | 0x45);

	cp_new_stat(&file, &st);
	assert_int_equal(st.st_size, 513);
	assert_int_equal(st.st_blocks, 2);		/* 512-byte units, rounded up */
	assert_int_equal(st.st_blksize, 4096);
	assert_int_equal(st.st_nlink, 1);
	assert_int_equal(st.st_rdev, 0);
	assert_int_equal(st.st_dev, 1);		/* the root filesystem: 0:1 */

	cp_new_stat(&linked, &st);
	assert_int_equal(st.st_nlink, 3);		/* i_nlink: names (test_ramfs counts them) */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dirent_record_sizes),
		cmocka_unit_test(test_getdents64_fills_and_resumes),
		cmocka_unit_test(test_stat_layout_is_arm64s),
		cmocka_unit_test(test_stat_fields),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
