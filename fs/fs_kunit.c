// SPDX-License-Identifier: GPL-2.0
/*
 * fs/fs_kunit.c: KUnit checks of the file layer on the live root
 * filesystem (kunit.filter_glob=fs): descriptor tables (fs/file.c), open
 * and its rules (fs/open.c), writing, read and lseek, directory listing,
 * stat, /dev/console and /proc. The cases run on the boot task, with a
 * descriptor table of their own that they drop at the end. The files they
 * read are made under /kunit-fs by the suite's init.
 */
#include <linux/errno.h>
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <kunit/test.h>
#include <uapi/asm-generic/stat.h>

static const char hello[] = "hello, file\n";

static int fs_suite_init(struct kunit_suite *suite)
{
	ramfs_create("/kunit-fs", S_IFDIR | 0755, 0, 0, NULL, 0, NULL);
	ramfs_create("/kunit-fs/sub", S_IFDIR | 0755, 0, 0, NULL, 0, NULL);
	ramfs_create("/kunit-fs/hello", S_IFREG | 0644, 0, 1700000000, hello,
		     sizeof(hello) - 1, NULL);
	return 0;
}

/* Give the boot task a fresh table; put the old one back afterwards. */
static struct files_struct *swap_files(struct files_struct *files)
{
	struct files_struct *old = current->files;

	current->files = files;
	return old;
}

static void fs_fd_table_lowest_free(struct kunit *test)
{
	struct files_struct *saved = swap_files(alloc_files()), *copy;
	struct file *f;
	int err, fd0, fd1, fd2;

	KUNIT_ASSERT_TRUE(test, current->files != NULL);
	f = filp_open("/kunit-fs/hello", O_RDONLY, &err);
	KUNIT_ASSERT_TRUE(test, f != NULL);
	fd0 = get_unused_fd_flags(0);
	fd_install(fd0, f);
	fd1 = do_sys_open(AT_FDCWD, "/kunit-fs/hello", O_RDONLY | O_CLOEXEC);
	fd2 = do_sys_open(AT_FDCWD, "/kunit-fs", O_RDONLY | O_DIRECTORY);
	KUNIT_EXPECT_EQ(test, fd0, 0);
	KUNIT_EXPECT_EQ(test, fd1, 1);
	KUNIT_EXPECT_EQ(test, fd2, 2);
	KUNIT_EXPECT_TRUE(test, current->files->close_on_exec & (1UL << 1));
	KUNIT_EXPECT_EQ(test, close_fd(1), 0);
	KUNIT_EXPECT_EQ(test, close_fd(1), -EBADF);
	KUNIT_EXPECT_EQ(test, do_sys_open(AT_FDCWD, "/kunit-fs/hello", O_RDONLY), 1);

	/* fork's copy shares each open file: one more reference each */
	copy = dup_files(current->files);
	KUNIT_ASSERT_TRUE(test, copy != NULL);
	KUNIT_EXPECT_TRUE(test, copy->fd[0] == f);
	KUNIT_EXPECT_EQ(test, atomic_read(&f->f_count), 2);
	{
		struct task_struct fake = { .files = copy };

		exit_files(&fake);
		KUNIT_EXPECT_TRUE(test, fake.files == NULL);
	}
	KUNIT_EXPECT_EQ(test, atomic_read(&f->f_count), 1);

	/* NR_OPEN_DEFAULT descriptors, then -EMFILE */
	for (int i = 3; i < NR_OPEN_DEFAULT; i++)
		KUNIT_EXPECT_EQ(test, do_sys_open(AT_FDCWD, "/kunit-fs/hello", O_RDONLY), i);
	KUNIT_EXPECT_EQ(test, do_sys_open(AT_FDCWD, "/kunit-fs/hello", O_RDONLY), -EMFILE);

	exit_files(current);
	swap_files(saved);
}

static void fs_open_rules(struct kunit *test)
{
	struct files_struct *saved = swap_files(alloc_files());

	KUNIT_EXPECT_EQ(test, do_sys_open(AT_FDCWD, "/kunit-fs/hello",
					  O_RDONLY | O_CREAT | O_EXCL), -EEXIST);
	KUNIT_EXPECT_EQ(test, do_sys_open(AT_FDCWD, "/kunit-fs/hello", O_RDONLY | O_CREAT), 0);
	KUNIT_EXPECT_EQ(test, do_sys_open(AT_FDCWD, "/kunit-fs", O_RDWR), -EISDIR);
	KUNIT_EXPECT_EQ(test, do_sys_open(AT_FDCWD, "/kunit-fs/hello", O_DIRECTORY), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, do_sys_open(AT_FDCWD, "/kunit-fs/none", O_RDONLY), -ENOENT);
	KUNIT_EXPECT_EQ(test, do_sys_open(AT_FDCWD, "/kunit-fs/hello/x", O_RDONLY), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, do_sys_open(AT_FDCWD, "/kunit-fs/none/x", O_WRONLY | O_CREAT),
			-ENOENT);
	exit_files(current);
	swap_files(saved);
}

/* Create, write past the end (a gap of zeros), append, truncate, unlink while open. */
static void fs_write_create_unlink(struct kunit *test)
{
	struct ramfs_inode *inode;
	char buf[16] = { 0 };
	struct file *f, *g;
	int err;

	f = filp_open("/kunit-fs/new", O_RDWR | O_CREAT | O_EXCL, &err);
	KUNIT_ASSERT_TRUE(test, f != NULL);
	KUNIT_EXPECT_EQ(test, kernel_write(f, "abc", 3, &f->f_pos), 3);
	f->f_pos = 5;
	KUNIT_EXPECT_EQ(test, kernel_write(f, "z", 1, &f->f_pos), 1);
	KUNIT_EXPECT_EQ(test, f->f_inode->size, 6);
	g = filp_open("/kunit-fs/new", O_WRONLY | O_APPEND, &err);
	KUNIT_ASSERT_TRUE(test, g != NULL);
	KUNIT_EXPECT_EQ(test, kernel_write(g, "!", 1, &g->f_pos), 1);
	filp_close(g);
	f->f_pos = 0;
	KUNIT_EXPECT_EQ(test, kernel_read(f, buf, sizeof(buf), &f->f_pos), 7);
	KUNIT_EXPECT_TRUE(test, !memcmp(buf, "abc\0\0z!", 7));
	KUNIT_EXPECT_EQ(test, vfs_truncate(f->f_inode, 2), 0);
	KUNIT_EXPECT_EQ(test, f->f_inode->size, 2);

	/* unlinked while open: the name is gone, the open file still reads */
	KUNIT_ASSERT_EQ(test, filename_lookup(AT_FDCWD, "/kunit-fs/new", &inode), 0);
	KUNIT_EXPECT_EQ(test, inode->i_nlink, 1);
	spin_lock(&ramfs_lock);
	ramfs_unlink(ramfs_lookup_dentry(ramfs_lookup_child(ramfs_root(), "kunit-fs", 8), "new", 3));
	spin_unlock(&ramfs_lock);
	KUNIT_EXPECT_EQ(test, inode->i_nlink, 0);
	iput(inode);
	KUNIT_EXPECT_EQ(test, filename_lookup(AT_FDCWD, "/kunit-fs/new", &inode), -ENOENT);
	f->f_pos = 0;
	KUNIT_EXPECT_EQ(test, kernel_read(f, buf, sizeof(buf), &f->f_pos), 2);
	filp_close(f);
}

static void fs_read_and_lseek(struct kunit *test)
{
	char buf[32] = { 0 };
	struct file *f;
	loff_t pos;
	int err;

	f = filp_open("/kunit-fs/hello", O_RDONLY, &err);
	KUNIT_ASSERT_TRUE(test, f != NULL);
	KUNIT_EXPECT_EQ(test, kernel_read(f, buf, 5, &f->f_pos), 5);
	KUNIT_EXPECT_TRUE(test, !memcmp(buf, "hello", 5));
	KUNIT_EXPECT_EQ(test, kernel_read(f, buf, sizeof(buf), &f->f_pos), sizeof(hello) - 6);
	KUNIT_EXPECT_EQ(test, kernel_read(f, buf, sizeof(buf), &f->f_pos), 0);	/* EOF */
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, -5, SEEK_END), sizeof(hello) - 6);
	KUNIT_EXPECT_EQ(test, kernel_read(f, buf, sizeof(buf), &f->f_pos), 5);
	KUNIT_EXPECT_TRUE(test, !memcmp(buf, "file\n", 5));
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, -1, SEEK_SET), -EINVAL);
	KUNIT_EXPECT_EQ(test, kernel_write(f, "x", 1, &pos), -EBADF);	/* O_RDONLY */
	filp_close(f);

	/* relative paths start at the working directory */
	set_fs_pwd(current->fs, NULL);
	f = filp_open("kunit-fs/sub/../hello", O_RDONLY, &err);
	KUNIT_EXPECT_TRUE(test, f != NULL);
	if (f)
		filp_close(f);
}

struct listing {
	struct dir_context ctx;
	char names[256];
	unsigned int types;	/* d_type of "hello" and "sub", packed */
};

static bool list_actor(struct dir_context *ctx, const char *name, int len, loff_t next,
		       u64 ino, unsigned int d_type)
{
	struct listing *l = container_of(ctx, struct listing, ctx);
	size_t used = strlen(l->names);

	if (used + len + 2 > sizeof(l->names))
		return false;
	memcpy(l->names + used, name, len);
	l->names[used + len] = ' ';
	l->names[used + len + 1] = '\0';
	if (!strncmp(name, "hello", len))
		l->types |= d_type;
	if (!strncmp(name, "sub", len))
		l->types |= d_type << 8;
	return true;
}

static void fs_directory_listing(struct kunit *test)
{
	struct listing l = { .ctx.actor = list_actor };
	char buf[64];
	struct file *f;
	int err;

	f = filp_open("/kunit-fs", O_RDONLY | O_DIRECTORY, &err);
	KUNIT_ASSERT_TRUE(test, f != NULL);
	KUNIT_EXPECT_EQ(test, iterate_dir(f, &l.ctx), 0);
	KUNIT_EXPECT_STREQ(test, l.names, ". .. sub hello ");
	KUNIT_EXPECT_EQ(test, l.types, DT_REG | DT_DIR << 8);
	KUNIT_EXPECT_EQ(test, kernel_read(f, buf, 1, &f->f_pos), -EISDIR);
	filp_close(f);

	/* /proc is listed by fs/proc: its fixed files come first */
	memset(&l, 0, sizeof(l));
	l.ctx.actor = list_actor;
	f = filp_open("/proc", O_RDONLY | O_DIRECTORY, &err);
	KUNIT_ASSERT_TRUE(test, f != NULL);
	KUNIT_EXPECT_EQ(test, iterate_dir(f, &l.ctx), 0);
	KUNIT_EXPECT_TRUE(test, !strncmp(l.names, ". .. cmdline cpuinfo filesystems ", 33));
	filp_close(f);
}

static void fs_stat_fields(struct kunit *test)
{
	struct ramfs_inode *inode;
	struct stat st;
	char path[64];

	KUNIT_ASSERT_EQ(test, filename_lookup(AT_FDCWD, "/kunit-fs/hello", &inode), 0);
	cp_new_stat(inode, &st);
	KUNIT_EXPECT_EQ(test, st.st_mode, S_IFREG | 0644);
	KUNIT_EXPECT_EQ(test, st.st_size, sizeof(hello) - 1);
	KUNIT_EXPECT_EQ(test, st.st_nlink, 1);
	KUNIT_EXPECT_EQ(test, st.st_mtime, 1700000000);
	KUNIT_EXPECT_EQ(test, st.st_blocks, 1);

	KUNIT_ASSERT_EQ(test, filename_lookup(AT_FDCWD, "/kunit-fs", &inode), 0);
	cp_new_stat(inode, &st);
	KUNIT_EXPECT_EQ(test, st.st_nlink, 3);	/* ".", its name, sub's ".." */
	KUNIT_EXPECT_EQ(test, ramfs_path(inode, path, sizeof(path)), 10);
	KUNIT_EXPECT_STREQ(test, path, "/kunit-fs");
	KUNIT_EXPECT_EQ(test, ramfs_path(inode, path, 5), -ERANGE);
	KUNIT_EXPECT_EQ(test, ramfs_path(ramfs_root(), path, sizeof(path)), 2);
	KUNIT_EXPECT_STREQ(test, path, "/");
}

static void fs_console_is_a_tty(struct kunit *test)
{
	struct ramfs_inode *inode;
	struct stat st;
	struct file *f;
	int err;

	KUNIT_ASSERT_EQ(test, filename_lookup(AT_FDCWD, "/dev/console", &inode), 0);
	cp_new_stat(inode, &st);
	KUNIT_EXPECT_TRUE(test, S_ISCHR(st.st_mode));
	KUNIT_EXPECT_EQ(test, st.st_rdev, (5 << 8) | 1);	/* makedev(5, 1) */
	KUNIT_ASSERT_EQ(test, filename_lookup(AT_FDCWD, "/dev/ttyAMA0", &inode), 0);
	cp_new_stat(inode, &st);
	KUNIT_EXPECT_EQ(test, st.st_rdev, (204 << 8) | 64);

	f = filp_open("/dev/console", O_RDWR | O_NONBLOCK, &err);
	KUNIT_ASSERT_TRUE(test, f != NULL);
	KUNIT_EXPECT_TRUE(test, f->f_op->ioctl != NULL);	/* isatty() needs TCGETS */
	KUNIT_EXPECT_EQ(test, kernel_write(f, "", 0, &f->f_pos), 0);
	filp_close(f);
}

static void fs_proc_text_files(struct kunit *test)
{
	char buf[256] = { 0 };
	struct file *f;
	long n;
	int err;

	f = filp_open("/proc/uptime", O_RDONLY, &err);
	KUNIT_ASSERT_TRUE(test, f != NULL);
	n = kernel_read(f, buf, sizeof(buf) - 1, &f->f_pos);
	KUNIT_EXPECT_GT(test, n, 9);
	KUNIT_EXPECT_TRUE(test, strchr(buf, '.') && buf[n - 1] == '\n');
	filp_close(f);

	f = filp_open("/proc/meminfo", O_RDONLY, &err);
	KUNIT_ASSERT_TRUE(test, f != NULL);
	n = kernel_read(f, buf, sizeof(buf) - 1, &f->f_pos);
	KUNIT_EXPECT_TRUE(test, n > 0 && !strncmp(buf, "MemTotal:", 9));
	filp_close(f);

	KUNIT_EXPECT_TRUE(test, !filp_open("/proc/nothing", O_RDONLY, &err));
	KUNIT_EXPECT_EQ(test, err, -ENOENT);
	KUNIT_EXPECT_TRUE(test, !filp_open("/proc/uptime", O_WRONLY, &err));
	KUNIT_EXPECT_EQ(test, err, -EACCES);
}

static struct kunit_case fs_cases[] = {
	KUNIT_CASE(fs_fd_table_lowest_free),
	KUNIT_CASE(fs_open_rules),
	KUNIT_CASE(fs_write_create_unlink),
	KUNIT_CASE(fs_read_and_lseek),
	KUNIT_CASE(fs_directory_listing),
	KUNIT_CASE(fs_stat_fields),
	KUNIT_CASE(fs_console_is_a_tty),
	KUNIT_CASE(fs_proc_text_files),
	{}
};

static struct kunit_suite fs_suite = {
	.name = "fs",
	.test_cases = fs_cases,
	.suite_init = fs_suite_init,
};
kunit_test_suite(fs_suite);
