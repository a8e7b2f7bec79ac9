// SPDX-License-Identifier: GPL-2.0
/*
 * init/initramfs.c: unpack the initramfs, a cpio archive in the "newc"
 * format (what `cpio -H newc` and Linux's usr/gen_init_cpio write), into
 * the root filesystem (fs/ramfs). The archive is what the boot loader put
 * at /chosen/linux,initrd-start..end (QEMU -initrd, U-Boot booti).
 *
 * Each member: a 110-byte ASCII header ("070701", then 13 fields of 8 hex
 * digits), the NUL-terminated name, padding to 4 bytes, the data, padding
 * to 4 bytes. "TRAILER!!!" ends the archive. Another archive may follow,
 * after zero bytes (cpio pads to 512), at a multiple of 4 bytes: each is
 * unpacked in turn, as Linux does (a user may concatenate initrds).
 *
 * A member whose name is already taken (by an earlier archive, or earlier
 * in the same one) replaces what is there, as Linux's do_name does: what
 * is of another type goes first (clean_path; a directory only if it is
 * empty, else the member is skipped with a warning, the directory
 * staying, as on Linux), a symbolic link always replaces; a regular file
 * is rewritten in place (Linux opens it O_TRUNC: the same inode, so its
 * other hard links see the new data); an existing directory or device
 * node stays, taking the member's permission bits, owner and time
 * (Linux's mkdir and mknod fail with EEXIST, its chmod and chown do not).
 * Each member's uid and gid become the owner, as Linux's chown. Hard
 * links (c_nlink 2 or more) are made as Linux's maybe_link makes them:
 * see find_link below.
 */
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/of_fdt.h>
#include <linux/printk.h>
#include <linux/ramfs.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <asm/memory.h>

#define CPIO_HEADER_SIZE 110
#define CPIO_TRAILER "TRAILER!!!"

/* Header fields, in order, after the 6-byte magic. */
enum { F_INO, F_MODE, F_UID, F_GID, F_NLINK, F_MTIME, F_FILESIZE, F_MAJOR, F_MINOR,
       F_RMAJOR, F_RMINOR, F_NAMESIZE, F_CHECK, F_COUNT };

static bool parse_hex8(const char *s, u32 *val)
{
	u32 v = 0;

	for (int i = 0; i < 8; i++) {
		char c = s[i];

		if (c >= '0' && c <= '9')
			v = v * 16 + c - '0';
		else if (c >= 'a' && c <= 'f')
			v = v * 16 + c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			v = v * 16 + c - 'A' + 10;
		else
			return false;
	}
	*val = v;
	return true;
}

static size_t pad4(size_t n)
{
	return (n + 3) & ~(size_t)3;
}

/* Archive names are relative ("bin/sh", "./bin/sh"); make them absolute. */
static int absolute_name(const char *name, char *path, size_t size)
{
	while (name[0] == '.' && name[1] == '/')
		name += 2;
	while (name[0] == '/')
		name++;
	if (strlen(name) + 2 > size)
		return -ENAMETOOLONG;
	path[0] = '/';
	strlcpy(path + 1, name, size - 1);
	for (size_t n = strlen(path); n > 1 && path[n - 1] == '/'; n--)
		path[n - 1] = '\0';	/* "dir/" is "dir" */
	return 0;
}

/*
 * Linux's clean_path: what is at path goes if it is not of type fmode (0:
 * whatever it is). 0 (also when nothing is there), or -ENOTEMPTY: a
 * directory with entries stays.
 */
/* The directory holding path (absolute, no trailing '/') and its last component. */
static struct ramfs_inode *parent_of(char *path, const char **last)
{
	char *slash = strrchr(path, '/');
	struct ramfs_inode *dir;

	*slash = '\0';
	if (ramfs_lookup(slash == path ? "/" : path, &dir))
		dir = NULL;
	*slash = '/';
	*last = slash + 1;
	return dir;
}

static int clean_path(char *path, umode_t fmode)
{
	struct ramfs_inode *old, *dir;
	struct dentry *dentry;
	const char *last;

	if (ramfs_lookup(path, &old) || !((old->mode ^ fmode) & S_IFMT))
		return 0;
	if (S_ISDIR(old->mode) && !ramfs_dir_empty(old))
		return -ENOTEMPTY;
	dir = parent_of(path, &last);
	if (!dir)
		return 0;
	/* no ramfs_lock: nothing else runs yet, as for ramfs_create here */
	dentry = ramfs_lookup_dentry(dir, last, strlen(last));
	if (dentry)
		ramfs_unlink(dentry);
	return 0;
}

/*
 * Hard links, as Linux's find_link and maybe_link: in one archive, the
 * members with c_nlink 2 or more and the same c_ino, c_maj, c_min and
 * type are names of one file. The first is made; each later one becomes
 * another name of it (what was at that name going first), its data, if
 * it has any, the file's (newc writers put it on the last name). The
 * names are forgotten at each TRAILER!!!.
 */
struct link_name {
	u32 ino, major, minor;
	umode_t mode;
	struct link_name *next;
	char path[];
};

static struct link_name *link_names;

static void free_link_names(void)
{
	while (link_names) {
		struct link_name *l = link_names;

		link_names = l->next;
		kfree(l);
	}
}

/* The first name of this member's file in this archive, or NULL (path noted: -ENOMEM). */
static const char *find_link(const u32 *f, const char *path, int *err)
{
	struct link_name *l;
	size_t len = strlen(path) + 1;

	*err = 0;
	for (l = link_names; l; l = l->next)
		if (l->ino == f[F_INO] && l->major == f[F_MAJOR] && l->minor == f[F_MINOR] &&
		    !((l->mode ^ f[F_MODE]) & S_IFMT))
			return l->path;
	l = kmalloc(sizeof(*l) + len, GFP_KERNEL);
	if (!l) {
		*err = -ENOMEM;
		return NULL;
	}
	l->ino = f[F_INO];
	l->major = f[F_MAJOR];
	l->minor = f[F_MINOR];
	l->mode = f[F_MODE];
	memcpy(l->path, path, len);
	l->next = link_names;
	link_names = l;
	return NULL;
}

/*
 * Linux's maybe_link: 1 and *inode if path became another name of an
 * earlier member's file, 0 if it is not one, -1 if it should have been
 * but could not (the member is skipped, as Linux's failed link), -ENOMEM.
 */
static int maybe_link(char *path, const u32 *f, struct ramfs_inode **inode)
{
	struct ramfs_inode *dir;
	const char *old, *last;
	int err;

	if (f[F_NLINK] < 2)
		return 0;
	old = find_link(f, path, &err);
	if (!old)
		return err;
	if (clean_path(path, 0) || ramfs_lookup(old, inode) || S_ISDIR((*inode)->mode))
		return -1;
	dir = parent_of(path, &last);
	if (!dir || ramfs_link(*inode, dir, last, strlen(last)))
		return -1;
	return 1;
}

/*
 * A member whose name is taken, after clean_path: a regular file gets
 * the data (Linux: O_TRUNC and write), and every kind the permission
 * bits, owner and time (Linux: chmod, chown, utime).
 */
static int update_existing(struct ramfs_inode *inode, const u32 *f, const char *data, bool linked)
{
	/* a new name of a file keeps its data unless it brings some (no O_TRUNC) */
	if (S_ISREG(inode->mode) && (!linked || f[F_FILESIZE])) {
		int err = ramfs_resize(inode, 0);

		if (!err)
			err = ramfs_resize(inode, f[F_FILESIZE]);
		if (err)
			return err;
		memcpy(inode->data, data, f[F_FILESIZE]);
	}
	if (!S_ISLNK(inode->mode))
		inode->mode = (inode->mode & S_IFMT) | (f[F_MODE] & 07777);
	inode->uid = f[F_UID];
	inode->gid = f[F_GID];
	inode->mtime = inode->atime = inode->ctime = f[F_MTIME];
	return 0;
}

/* One member at path: made, or replacing what is there. 0 or -errno. */
static int do_name(char *path, const u32 *f, const char *data)
{
	umode_t mode = f[F_MODE];
	struct ramfs_inode *inode;
	int err;

	/* a symbolic link replaces whatever is there: Linux's clean_path(path, 0) */
	err = clean_path(path, S_ISLNK(mode) ? 0 : mode);
	if (err == -ENOTEMPTY) {
		pr_warn("Initramfs: %s: a directory with entries is not replaced\n", path);
		return 0;
	}
	if (S_ISREG(mode) || S_ISCHR(mode)) {
		err = maybe_link(path, f, &inode);
		if (err == -1)
			pr_warn("Initramfs: %s: cannot be made a hard link\n", path);
		if (err == 1 && S_ISREG(mode))
			return update_existing(inode, f, data, true);
		if (err)	/* a device node linked: kept as it is, as on Linux */
			return err == -ENOMEM ? err : 0;
	}
	if (!ramfs_lookup(path, &inode))
		return update_existing(inode, f, data, false);
	err = ramfs_create(path, mode, MKDEV(f[F_RMAJOR], f[F_RMINOR]), f[F_MTIME], data,
			   S_ISDIR(mode) ? 0 : f[F_FILESIZE], &inode);
	if (!err) {
		inode->uid = f[F_UID];
		inode->gid = f[F_GID];
	}
	return err;
}

static int unpack_archives(const char *buf, size_t len, const char **error)
{
	static char path[RAMFS_PATH_MAX];
	size_t pos = 0;

	*error = NULL;
	for (;;) {
		u32 f[F_COUNT];
		const char *hdr = buf + pos, *name, *data;
		size_t name_at, data_at;
		int err;

		if (len - pos < CPIO_HEADER_SIZE) {
			*error = "truncated archive (no TRAILER!!!)";
			return -EINVAL;
		}
		if (memcmp(hdr, "070701", 6) && memcmp(hdr, "070702", 6)) {
			*error = "no cpio magic";
			return -EINVAL;
		}
		for (int i = 0; i < F_COUNT; i++)
			if (!parse_hex8(hdr + 6 + 8 * i, &f[i])) {
				*error = "bad header";
				return -EINVAL;
			}
		name_at = pos + CPIO_HEADER_SIZE;
		data_at = pad4(name_at + f[F_NAMESIZE]);
		if (f[F_NAMESIZE] == 0 || f[F_NAMESIZE] > len - name_at ||
		    f[F_FILESIZE] > len - min(data_at, len)) {
			*error = "member runs past the end";
			return -EINVAL;
		}
		name = buf + name_at;
		data = buf + data_at;
		if (name[f[F_NAMESIZE] - 1] != '\0') {
			*error = "name not terminated";
			return -EINVAL;
		}
		pos = pad4(data_at + f[F_FILESIZE]);

		if (!strcmp(name, CPIO_TRAILER)) {
			free_link_names();	/* links do not reach into the next archive */
			while (pos < len && !buf[pos])
				pos += 4;	/* archives start 4-byte aligned */
			if (pos >= len)
				return 0;
			continue;	/* the next archive */
		}
		if (pos > len) {	/* the next header cannot follow */
			*error = "truncated archive (no TRAILER!!!)";
			return -EINVAL;
		}
		if (!strcmp(name, ".") || !strcmp(name, "./") || !strcmp(name, "/"))
			continue;	/* the root itself */
		err = absolute_name(name, path, sizeof(path));
		if (!err) {
			umode_t mode = f[F_MODE];

			if (!S_ISDIR(mode) && !S_ISREG(mode) && !S_ISLNK(mode) && !S_ISCHR(mode))
				continue;	/* fifos, sockets, block devices: not kept */
			err = do_name(path, f, data);
		}
		if (err) {
			*error = err == -ENOENT ? "parent directory missing"
				 : err == -ENOMEM ? "out of memory"
				 : err == -ENOTDIR ? "parent is not a directory"
				 : err == -EFBIG ? "file too large"
				 : "bad name";
			return err;
		}
	}
}

int unpack_to_rootfs(const char *buf, size_t len, const char **error)
{
	int err = unpack_archives(buf, len, error);

	free_link_names();	/* an archive cut short, or in error */
	return err;
}

/* start_kernel: the initrd the DTB named (reserved by setup_arch) into the tree. */
bool initramfs_unpacked __ro_after_init;

void __init populate_rootfs(void)
{
	const char *error;

	if (!phys_initrd_size)
		return;
	pr_info("Trying to unpack rootfs image as initramfs...\n");
	if (unpack_to_rootfs(__va(phys_initrd_start), phys_initrd_size, &error))
		pr_err("Initramfs unpacking failed: %s\n", error);
	else
		initramfs_unpacked = true;
}
