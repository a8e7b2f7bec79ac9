// SPDX-License-Identifier: GPL-2.0
/*
 * tools/testing/unit/test_ramfs.c: the root filesystem (fs/ramfs/inode.c)
 * and the initramfs unpacker (init/initramfs.c), built from the real
 * sources. Archives are written here in the newc format, field by field,
 * so each test can break exactly one thing. The tree is global and never
 * emptied, so each test works under a directory of its own.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <linux/errno.h>
#include <linux/ramfs.h>

/* populate_rootfs() (not tested here) converts with __va(): needs this. */
long long memstart_addr;
phys_addr_t phys_initrd_start, phys_initrd_size;

/* ---- writing newc archives -------------------------------------------------- */

struct archive {
	char buf[65536];
	size_t len;
};

static void put(struct archive *a, const void *p, size_t n)
{
	assert_true(a->len + n <= sizeof(a->buf));
	memcpy(a->buf + a->len, p, n);
	a->len += n;
}

static void pad4(struct archive *a)
{
	while (a->len % 4)
		a->buf[a->len++] = '\0';
}

static void member_full(struct archive *a, const char *name, unsigned int mode,
			unsigned int rmajor, unsigned int rminor, const void *data, size_t size,
			unsigned int uid, unsigned int mtime, unsigned int ino, unsigned int nlink)
{
	char hdr[160];

	snprintf(hdr, sizeof(hdr), "070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X",
		 ino, mode, uid, uid, nlink, mtime, (unsigned int)size, 0u, 0u, rmajor, rminor,
		 (unsigned int)strlen(name) + 1, 0u);
	assert_int_equal(strlen(hdr), 110);
	put(a, hdr, 110);
	put(a, name, strlen(name) + 1);
	pad4(a);
	put(a, data, size);
	pad4(a);
}

static void member_owned(struct archive *a, const char *name, unsigned int mode,
			 unsigned int rmajor, unsigned int rminor, const void *data, size_t size,
			 unsigned int uid, unsigned int mtime)
{
	member_full(a, name, mode, rmajor, rminor, data, size, uid, mtime, 1, 1);
}

/* One of nlink names of the file ino (a hard link): newc puts the data on the last. */
static void member_link(struct archive *a, const char *name, unsigned int mode, const void *data,
			size_t size, unsigned int ino, unsigned int nlink)
{
	member_full(a, name, mode, 0, 0, data, size, 0, 1700000000u, ino, nlink);
}

static void member(struct archive *a, const char *name, unsigned int mode, unsigned int rmajor,
		   unsigned int rminor, const void *data, size_t size)
{
	member_owned(a, name, mode, rmajor, rminor, data, size, 0, 1700000000u);
}

static void trailer(struct archive *a)
{
	member(a, "TRAILER!!!", 0, 0, 0, "", 0);
}

static int unpack(struct archive *a, const char **error)
{
	return unpack_to_rootfs(a->buf, a->len, error);
}

static struct ramfs_inode *must_find(const char *path)
{
	struct ramfs_inode *inode = NULL;

	assert_int_equal(ramfs_lookup(path, &inode), 0);
	return inode;
}

/* ---- ramfs --------------------------------------------------------------------- */

static void create_and_lookup(void **state)
{
	struct ramfs_inode *dir, *file, *found;

	assert_int_equal(ramfs_create("/t1", S_IFDIR | 0755, 0, 0, NULL, 0, &dir), 0);
	assert_int_equal(ramfs_create("/t1/hello", S_IFREG | 0644, 0, 42, "hi\n", 3, &file), 0);
	assert_ptr_equal(must_find("/t1/hello"), file);
	assert_int_equal(file->size, 3);
	assert_memory_equal(file->data, "hi\n", 3);
	assert_int_equal(file->mtime, 42);
	assert_ptr_equal(d_find_alias(file)->d_parent, d_find_alias(dir));
	assert_string_equal(d_find_alias(file)->d_name, "hello");
	assert_int_equal(file->i_nlink, 1);
	assert_int_equal(dir->i_nlink, 2);	/* its name and its "." */
	assert_true(file->ino != dir->ino);

	/* Other spellings of the same path. */
	assert_ptr_equal(must_find("//t1///hello"), file);
	assert_ptr_equal(must_find("/t1/./hello"), file);
	assert_ptr_equal(must_find("/t1/../t1/hello"), file);
	assert_ptr_equal(must_find("/../t1/hello"), file);	/* "/.." is "/" */
	assert_ptr_equal(must_find("/t1/"), dir);
	assert_ptr_equal(must_find("/"), ramfs_root());
	found = NULL;
	assert_int_equal(ramfs_lookup("/t1/hello/", &found), 0);
	assert_ptr_equal(found, file);
}

static void lookup_errors(void **state)
{
	struct ramfs_inode *inode;
	char longname[300];

	assert_int_equal(ramfs_create("/t2", S_IFDIR | 0755, 0, 0, NULL, 0, NULL), 0);
	assert_int_equal(ramfs_create("/t2/f", S_IFREG | 0644, 0, 0, "x", 1, NULL), 0);
	assert_int_equal(ramfs_lookup("/t2/nothere", &inode), -ENOENT);
	assert_int_equal(ramfs_lookup("/t2/f/x", &inode), -ENOTDIR);
	assert_int_equal(ramfs_lookup("t2/f", &inode), -EINVAL);
	assert_int_equal(ramfs_lookup(NULL, &inode), -EINVAL);
	memset(longname, 'a', sizeof(longname) - 1);
	longname[0] = '/';
	longname[sizeof(longname) - 1] = '\0';
	assert_int_equal(ramfs_lookup(longname, &inode), -ENAMETOOLONG);
}

static void create_errors(void **state)
{
	assert_int_equal(ramfs_create("/t3", S_IFDIR | 0755, 0, 0, NULL, 0, NULL), 0);
	assert_int_equal(ramfs_create("/t3", S_IFDIR | 0755, 0, 0, NULL, 0, NULL), -EEXIST);
	assert_int_equal(ramfs_create("/", S_IFDIR | 0755, 0, 0, NULL, 0, NULL), -EEXIST);
	assert_int_equal(ramfs_create("/t3/a/b", S_IFREG, 0, 0, NULL, 0, NULL), -ENOENT);
	assert_int_equal(ramfs_create("/t3/f", S_IFREG | 0644, 0, 0, "x", 1, NULL), 0);
	assert_int_equal(ramfs_create("/t3/f/g", S_IFREG, 0, 0, NULL, 0, NULL), -ENOTDIR);
	assert_int_equal(ramfs_create("/t3/..", S_IFDIR, 0, 0, NULL, 0, NULL), -EINVAL);
	assert_int_equal(ramfs_create("relative", S_IFREG, 0, 0, NULL, 0, NULL), -EINVAL);
}

static void data_is_copied(void **state)
{
	char data[] = "original";
	struct ramfs_inode *f;

	assert_int_equal(ramfs_create("/t4", S_IFREG | 0644, 0, 0, data, 8, &f), 0);
	data[0] = 'X';
	assert_memory_equal(f->data, "original", 8);
}

static void directory_entries_in_order(void **state)
{
	struct ramfs_inode *dir;
	const char *names[] = { "c", "a", "b" };

	assert_int_equal(ramfs_create("/t5", S_IFDIR | 0755, 0, 0, NULL, 0, &dir), 0);
	for (int i = 0; i < 3; i++) {
		char path[16];

		snprintf(path, sizeof(path), "/t5/%s", names[i]);
		assert_int_equal(ramfs_create(path, S_IFREG | 0644, 0, 0, NULL, 0, NULL), 0);
	}
	for (int i = 0; i < 3; i++)
		assert_string_equal(ramfs_dir_entry(dir, i)->d_name, names[i]);
	assert_null(ramfs_dir_entry(dir, 3));
}

/* Directories count 2 + their subdirectories, as Linux: mkdir, rmdir, rename. */
static void directory_link_counts(void **state)
{
	struct ramfs_inode *top, *a, *b, *found, *root = ramfs_root();
	unsigned int root_links = root->i_nlink;

	assert_int_equal(ramfs_create("/t6", S_IFDIR | 0755, 0, 0, NULL, 0, &top), 0);
	assert_int_equal(root->i_nlink, root_links + 1);	/* t6's ".." */
	assert_int_equal(ramfs_create("/t6/a", S_IFDIR | 0755, 0, 0, NULL, 0, &a), 0);
	assert_int_equal(ramfs_create("/t6/b", S_IFDIR | 0755, 0, 0, NULL, 0, &b), 0);
	assert_int_equal(ramfs_create("/t6/f", S_IFREG | 0644, 0, 0, NULL, 0, NULL), 0);
	assert_int_equal(top->i_nlink, 4);			/* files do not count */
	/* a moves into b: top loses a's "..", b gains it */
	assert_int_equal(ramfs_rename(d_find_alias(a), b, "a", 1), 0);
	assert_int_equal(top->i_nlink, 3);
	assert_int_equal(b->i_nlink, 3);
	assert_ptr_equal(must_find("/t6/b/a"), a);
	/* into itself: refused, nothing changes */
	assert_int_equal(ramfs_rename(d_find_alias(b), a, "b", 1), -EINVAL);
	assert_int_equal(b->i_nlink, 3);
	ramfs_get(a);				/* a held (a working directory) */
	ramfs_unlink(d_find_alias(a));		/* rmdir */
	assert_int_equal(b->i_nlink, 2);
	assert_int_equal(a->i_nlink, 0);
	assert_true(d_find_alias(a)->d_unhashed);	/* kept for its path, while held */
	assert_int_equal(ramfs_lookup("/t6/b/a", &found), -ENOENT);
	assert_int_equal(ramfs_create("/t6/b/a/x", S_IFREG, 0, 0, NULL, 0, NULL), -ENOENT);
	ramfs_put(a);				/* freed now (ASan: no leak) */
}

/* Hard links: names of one inode; it goes with its last name and holder. */
static void hard_links(void **state)
{
	struct ramfs_inode *dir, *f, *d, *sub;

	assert_int_equal(ramfs_create("/t7", S_IFDIR | 0755, 0, 0, NULL, 0, &dir), 0);
	assert_int_equal(ramfs_create("/t7/sub", S_IFDIR | 0755, 0, 0, NULL, 0, &sub), 0);
	assert_int_equal(ramfs_create("/t7/f", S_IFREG | 0644, 0, 0, "data", 4, &f), 0);
	assert_int_equal(ramfs_link(f, dir, "g", 1), 0);
	assert_int_equal(ramfs_link(f, sub, "h", 1), 0);
	assert_int_equal(f->i_nlink, 3);
	assert_ptr_equal(must_find("/t7/g"), f);
	assert_ptr_equal(must_find("/t7/sub/h"), f);
	assert_int_equal(dir->i_nlink, 3);			/* links are not subdirectories */
	/* errors, in Linux's words */
	assert_int_equal(ramfs_link(f, dir, "g", 1), -EEXIST);
	assert_int_equal(ramfs_link(f, dir, "..", 2), -EEXIST);
	assert_int_equal(ramfs_link(sub, dir, "s2", 2), -EPERM);	/* a directory */
	assert_int_equal(ramfs_link(f, f, "x", 1), -ENOTDIR);
	d = NULL;
	assert_int_equal(ramfs_create("/dev-t7", S_IFDIR | 0755, 0, 0, NULL, 0, &d), 0);
	ramfs_set_sdev(d, DEVTMPFS_DEV);
	assert_int_equal(ramfs_link(f, d, "x", 1), -EXDEV);		/* another filesystem */
	assert_int_equal(ramfs_create("/dev-t7/n", S_IFREG, 0, 0, NULL, 0, &d), 0);
	assert_int_equal(d->i_sdev, DEVTMPFS_DEV);			/* made on its directory's */

	/* unlink one name: the others stay, with the data */
	ramfs_unlink(ramfs_lookup_dentry(dir, "f", 1));
	assert_int_equal(f->i_nlink, 2);
	assert_int_equal(ramfs_lookup("/t7/f", &d), -ENOENT);
	assert_string_equal(d_find_alias(f)->d_name, "g");
	/* rename one name over another of the same inode: nothing happens (Linux) */
	assert_int_equal(ramfs_rename(ramfs_lookup_dentry(sub, "h", 1), dir, "g", 1), 0);
	assert_int_equal(f->i_nlink, 2);
	assert_ptr_equal(must_find("/t7/sub/h"), f);
	/* rename another file over a link: that name goes, the inode keeps its other */
	assert_int_equal(ramfs_create("/t7/other", S_IFREG | 0644, 0, 0, "new", 3, &d), 0);
	assert_int_equal(ramfs_rename(d_find_alias(d), dir, "g", 1), 0);
	assert_int_equal(f->i_nlink, 1);
	assert_ptr_equal(must_find("/t7/g"), d);
	assert_memory_equal(f->data, "data", 4);
	/* the last name goes while the file is open: kept until the last close */
	ramfs_get(f);
	ramfs_unlink(ramfs_lookup_dentry(sub, "h", 1));
	assert_int_equal(f->i_nlink, 0);
	assert_memory_equal(f->data, "data", 4);
	assert_int_equal(ramfs_link(f, dir, "again", 5), -ENOENT);	/* Linux: no relinking */
	assert_int_equal(ramfs_create("/t7/sub/h", S_IFREG, 0, 0, NULL, 0, NULL), 0);
	ramfs_put(f);		/* freed here: ASan reports a leak or a use after free */
}

/* ---- initramfs ------------------------------------------------------------------- */

static void unpack_a_tree(void **state)
{
	static struct archive a;
	const char *error = "unset";
	struct ramfs_inode *console, *sh, *link;

	a.len = 0;
	member(&a, ".", S_IFDIR | 0755, 0, 0, "", 0);
	member(&a, "./u1", S_IFDIR | 0755, 0, 0, "", 0);
	member(&a, "u1/bin", S_IFDIR | 0755, 0, 0, "", 0);
	member(&a, "u1/bin/sh", S_IFREG | 0755, 0, 0, "\177ELF...", 7);
	member(&a, "u1/bin/ash", S_IFLNK | 0777, 0, 0, "sh", 2);
	member(&a, "u1/dev", S_IFDIR | 0755, 0, 0, "", 0);
	member(&a, "u1/dev/console", S_IFCHR | 0600, 5, 1, "", 0);
	member(&a, "u1/dev/fifo", S_IFIFO | 0600, 0, 0, "", 0);	/* skipped */
	member(&a, "/u1/bin", S_IFDIR | 0755, 0, 0, "", 0);	/* again: harmless */
	trailer(&a);
	assert_int_equal(unpack(&a, &error), 0);
	assert_null(error);

	sh = must_find("/u1/bin/sh");
	assert_true(S_ISREG(sh->mode));
	assert_int_equal(sh->size, 7);
	assert_memory_equal(sh->data, "\177ELF...", 7);
	link = must_find("/u1/bin/ash");
	assert_true(S_ISLNK(link->mode));
	assert_memory_equal(link->data, "sh", 2);
	console = must_find("/u1/dev/console");
	assert_true(S_ISCHR(console->mode));
	assert_int_equal(MAJOR(console->rdev), 5);
	assert_int_equal(MINOR(console->rdev), 1);
	assert_int_equal(ramfs_lookup("/u1/dev/fifo", &console), -ENOENT);
}

static void unpack_errors(void **state)
{
	static struct archive a;
	const char *error;

	/* No trailer: the archive just ends. */
	a.len = 0;
	member(&a, "e1", S_IFDIR | 0755, 0, 0, "", 0);
	assert_int_equal(unpack(&a, &error), -EINVAL);
	assert_string_equal(error, "truncated archive (no TRAILER!!!)");

	/* Bad magic. */
	a.len = 0;
	member(&a, "e2", S_IFDIR | 0755, 0, 0, "", 0);
	trailer(&a);
	a.buf[0] = 'X';
	assert_int_equal(unpack(&a, &error), -EINVAL);
	assert_string_equal(error, "no cpio magic");

	/* A field that is not hex. */
	a.len = 0;
	member(&a, "e3", S_IFDIR | 0755, 0, 0, "", 0);
	trailer(&a);
	a.buf[6 + 8 + 3] = 'g';		/* inside c_mode */
	assert_int_equal(unpack(&a, &error), -EINVAL);
	assert_string_equal(error, "bad header");

	/* A file longer than the archive. */
	a.len = 0;
	member(&a, "e4", S_IFREG | 0644, 0, 0, "abcdefgh", 8);
	a.len -= 8;			/* cut its data */
	assert_int_equal(unpack(&a, &error), -EINVAL);
	assert_string_equal(error, "member runs past the end");

	/* Parent missing. */
	a.len = 0;
	member(&a, "e5/x", S_IFREG | 0644, 0, 0, "", 0);
	trailer(&a);
	assert_int_equal(unpack(&a, &error), -ENOENT);
	assert_string_equal(error, "parent directory missing");

	/* A path through a regular file. */
	a.len = 0;
	member(&a, "e6", S_IFREG | 0644, 0, 0, "1", 1);
	member(&a, "e6/x", S_IFREG | 0644, 0, 0, "2", 1);
	trailer(&a);
	assert_int_equal(unpack(&a, &error), -ENOTDIR);
	assert_string_equal(error, "parent is not a directory");

	/* Empty input, and a header cut short. */
	assert_int_equal(unpack_to_rootfs(a.buf, 0, &error), -EINVAL);
	assert_int_equal(unpack_to_rootfs(a.buf, 50, &error), -EINVAL);
	assert_string_equal(error, "truncated archive (no TRAILER!!!)");
}

/* Archives one after the other, as cpio pads them (zeros to 512 bytes). */
static void unpack_concatenated(void **state)
{
	static struct archive a;
	const char *error;

	a.len = 0;
	member(&a, "c1", S_IFDIR | 0755, 0, 0, "", 0);
	trailer(&a);
	while (a.len % 512)
		a.buf[a.len++] = '\0';
	member(&a, "c1/second", S_IFREG | 0644, 0, 0, "22", 2);
	trailer(&a);
	put(&a, "\0\0\0\0", 4);			/* padding that is not 512 */
	member(&a, "c1/third", S_IFREG | 0644, 0, 0, "333", 3);
	trailer(&a);
	assert_int_equal(unpack(&a, &error), 0);
	assert_null(error);
	assert_int_equal(must_find("/c1/second")->size, 2);
	assert_memory_equal(must_find("/c1/third")->data, "333", 3);

	/* Something that is not an archive after the first one. */
	a.len = 0;
	member(&a, "c2", S_IFDIR | 0755, 0, 0, "", 0);
	trailer(&a);
	memset(a.buf + a.len, 'j', 120);
	a.len += 120;
	assert_int_equal(unpack(&a, &error), -EINVAL);
	assert_string_equal(error, "no cpio magic");
	assert_non_null(must_find("/c2"));		/* the first one was unpacked */
}

/*
 * A name already taken, by an earlier archive or earlier in the same one:
 * Linux's do_name and clean_path replace what is there.
 */
static void unpack_replaces(void **state)
{
	static struct archive a;
	const char *error = "unset";
	struct ramfs_inode *f, *other, *node, *inode;
	size_t first;

	a.len = 0;
	member(&a, "r1", S_IFDIR | 0755, 0, 0, "", 0);
	member(&a, "r1/f", S_IFREG | 0644, 0, 0, "old contents", 12);
	member(&a, "r1/link", S_IFLNK | 0777, 0, 0, "f", 1);
	member(&a, "r1/empty", S_IFDIR | 0755, 0, 0, "", 0);
	member(&a, "r1/full", S_IFDIR | 0755, 0, 0, "", 0);
	member(&a, "r1/full/x", S_IFREG | 0644, 0, 0, "x", 1);
	member(&a, "r1/node", S_IFCHR | 0600, 1, 3, "", 0);
	member(&a, "r1/twice", S_IFREG | 0644, 0, 0, "1", 1);
	member(&a, "r1/twice", S_IFREG | 0644, 0, 0, "22", 2);	/* same archive */
	trailer(&a);
	while (a.len % 512)
		a.buf[a.len++] = '\0';
	first = a.len;
	member_owned(&a, "r1/f", S_IFREG | 0600, 0, 0, "new", 3, 1000, 1800000000u);
	member(&a, "r1/link", S_IFREG | 0644, 0, 0, "now a file", 10);
	member(&a, "r1/empty", S_IFLNK | 0777, 0, 0, "f", 1);
	member(&a, "r1/full", S_IFREG | 0644, 0, 0, "no", 2);	/* skipped: not empty */
	member_owned(&a, "r1/node", S_IFCHR | 0666, 1, 5, "", 0, 5, 1800000000u);
	member_owned(&a, "r1", S_IFDIR | 0700, 0, 0, "", 0, 7, 1800000000u);
	trailer(&a);

	assert_int_equal(unpack_to_rootfs(a.buf, first, &error), 0);
	f = must_find("/r1/f");		/* the first archive's file */
	assert_int_equal(unpack(&a, &error), 0);	/* both: the second replaces */
	assert_null(error);

	other = must_find("/r1/f");
	assert_ptr_equal(other, f);	/* rewritten in place, as O_TRUNC */
	assert_true(S_ISREG(f->mode));
	assert_int_equal(f->mode & 07777, 0600);
	assert_int_equal(f->size, 3);
	assert_memory_equal(f->data, "new", 3);
	assert_int_equal(f->uid, 1000);
	assert_int_equal(f->mtime, 1800000000u);

	inode = must_find("/r1/link");
	assert_true(S_ISREG(inode->mode));
	assert_memory_equal(inode->data, "now a file", 10);
	inode = must_find("/r1/empty");
	assert_true(S_ISLNK(inode->mode));
	assert_memory_equal(inode->data, "f", 1);
	inode = must_find("/r1/full");
	assert_true(S_ISDIR(inode->mode));
	assert_non_null(must_find("/r1/full/x"));
	node = must_find("/r1/node");		/* Linux: mknod EEXIST, chmod and chown */
	assert_true(S_ISCHR(node->mode));
	assert_int_equal(node->mode & 07777, 0666);
	assert_int_equal(MINOR(node->rdev), 3);
	assert_int_equal(node->uid, 5);
	inode = must_find("/r1/twice");
	assert_int_equal(inode->size, 2);
	assert_memory_equal(inode->data, "22", 2);
	inode = must_find("/r1");
	assert_true(S_ISDIR(inode->mode));
	assert_int_equal(inode->mode & 07777, 0700);
	assert_int_equal(inode->uid, 7);
}

/* Hard links: Linux's maybe_link, within one archive only. */
static void unpack_hard_links(void **state)
{
	static struct archive a;
	const char *error = "unset";
	struct ramfs_inode *x, *y, *z, *w;

	a.len = 0;
	member(&a, "l1", S_IFDIR | 0755, 0, 0, "", 0);
	member(&a, "l1/old", S_IFREG | 0644, 0, 0, "was here", 8);
	member_link(&a, "l1/x", S_IFREG | 0644, "", 0, 77, 3);
	member_link(&a, "l1/old", S_IFREG | 0644, "", 0, 77, 3);	/* replaced by a link */
	member_link(&a, "l1/y", S_IFREG | 0644, "shared", 6, 77, 3);	/* the data, last */
	member_link(&a, "l1/c1", S_IFCHR | 0600, "", 0, 78, 2);
	member_link(&a, "l1/c2", S_IFCHR | 0600, "", 0, 78, 2);
	trailer(&a);
	member_link(&a, "l1/z", S_IFREG | 0644, "other", 5, 77, 2);	/* another archive */
	trailer(&a);
	assert_int_equal(unpack(&a, &error), 0);
	assert_null(error);

	x = must_find("/l1/x");
	y = must_find("/l1/y");
	assert_ptr_equal(x, y);
	assert_ptr_equal(must_find("/l1/old"), x);
	assert_int_equal(x->i_nlink, 3);
	assert_int_equal(x->size, 6);
	assert_memory_equal(x->data, "shared", 6);
	w = must_find("/l1/c1");
	assert_ptr_equal(must_find("/l1/c2"), w);
	assert_int_equal(w->i_nlink, 2);
	z = must_find("/l1/z");		/* the same c_ino in the next archive: a file of its own */
	assert_ptr_not_equal(z, x);
	assert_memory_equal(z->data, "other", 5);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(create_and_lookup),
		cmocka_unit_test(lookup_errors),
		cmocka_unit_test(unpack_concatenated),
		cmocka_unit_test(create_errors),
		cmocka_unit_test(data_is_copied),
		cmocka_unit_test(directory_entries_in_order),
		cmocka_unit_test(directory_link_counts),
		cmocka_unit_test(hard_links),
		cmocka_unit_test(unpack_a_tree),
		cmocka_unit_test(unpack_errors),
		cmocka_unit_test(unpack_replaces),
		cmocka_unit_test(unpack_hard_links),
	};

	return cmocka_run_group_tests_name("ramfs", tests, NULL, NULL);
}
