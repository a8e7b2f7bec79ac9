// SPDX-License-Identifier: GPL-2.0
/*
 * fs/namespace.c: mount and umount2, for what a Linux init script mounts.
 *
 * headstart has one tree in RAM and the filesystems that hang off it are
 * attached at boot: /proc (fs/proc) and the device nodes in /dev (made by
 * the drivers, as devtmpfs would). So mounting is bookkeeping: a mount is
 * accepted when it names what is already there, and it is listed in
 * /proc/mounts until unmounted:
 *
 *   mount -t proc proc /proc          the /proc directory only
 *   mount -t devtmpfs devtmpfs /dev   the /dev directory only
 *   mount -t tmpfs|ramfs x <dir>      any directory; its files stay in the
 *                                     root filesystem (they are in RAM anyway)
 *   mount -o remount ...              accepted, changes nothing
 *
 * Other types (sysfs, ext4...) give -ENODEV, as Linux does for a type it
 * does not know; a target that is not a directory -ENOTDIR; a second mount
 * on the same directory -EBUSY. umount2 of a listed mount point removes it
 * from the list; of anything else -EINVAL. Both are root's only: -EPERM
 * once the target is found (Linux's may_mount(), CAP_SYS_ADMIN).
 *
 * Locking: mount_lock guards the table; ramfs_lock (include/linux/fs.h)
 * is taken inside it for the paths and counts of mount points.
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>

#define MS_RDONLY	1
#define MS_REMOUNT	32
#define MS_BIND		4096
#define MAX_MOUNTS	16
#define FSTYPE_MAX	16

struct mount {
	struct ramfs_inode *mountpoint;	/* held while mounted */
	char type[FSTYPE_MAX];
	char source[32];
};

/* The table; mount_lock guards it (before ramfs_lock, which ihold takes). */
static struct mount mounts[MAX_MOUNTS];
static DEFINE_SPINLOCK(mount_lock);

static const char *const fs_types[] = { "rootfs", "ramfs", "tmpfs", "proc", "devtmpfs" };

int proc_show_filesystems(char *buf, size_t size)
{
	int len = 0;

	for (size_t i = 0; i < ARRAY_SIZE(fs_types); i++)
		len += snprintf(buf + len, size - len, "nodev\t%s\n", fs_types[i]);
	return min(len, (int)size - 1);
}

int proc_show_mounts(char *buf, size_t size)
{
	char *path = kmalloc(RAMFS_PATH_MAX, GFP_KERNEL);
	int len;

	if (!path)
		return -ENOMEM;
	len = snprintf(buf, size, "rootfs / rootfs rw 0 0\n");
	spin_lock(&mount_lock);
	spin_lock(&ramfs_lock);		/* the mount point's path: its parents */
	for (int i = 0; i < MAX_MOUNTS && len < (int)size; i++) {
		struct mount *m = &mounts[i];

		if (!m->mountpoint || ramfs_path(m->mountpoint, path, RAMFS_PATH_MAX) < 0)
			continue;
		len += snprintf(buf + len, size - len, "%s %s %s rw%s 0 0\n", m->source, path,
				m->type, strcmp(m->type, "proc") ? "" : ",nosuid,nodev,noexec,relatime");
	}
	spin_unlock(&ramfs_lock);
	spin_unlock(&mount_lock);
	kfree(path);
	return min(len, (int)size - 1);
}

static struct mount *find_mount(struct ramfs_inode *dir)
{
	for (int i = 0; i < MAX_MOUNTS; i++)
		if (mounts[i].mountpoint == dir)
			return &mounts[i];
	return NULL;
}

static int do_mount(const char *source, struct ramfs_inode *dir, const char *type,
		    unsigned long flags)
{
	struct mount *m;
	char path[8];

	if (flags & MS_REMOUNT)
		return 0;
	if (flags & MS_BIND)
		return -EINVAL;		/* bind mounts need a second view of a tree */
	if (!S_ISDIR(dir->mode))
		return -ENOTDIR;
	spin_lock(&ramfs_lock);
	if (ramfs_path(dir, path, sizeof(path)) < 0)
		path[0] = '\0';		/* longer than /proc or /dev: neither */
	spin_unlock(&ramfs_lock);
	if (!strcmp(type, "proc")) {
		if (strcmp(path, "/proc"))
			return -EINVAL;	/* fs/proc is attached at /proc only */
	} else if (!strcmp(type, "devtmpfs")) {
		if (strcmp(path, "/dev"))
			return -EINVAL;
	} else if (strcmp(type, "tmpfs") && strcmp(type, "ramfs")) {
		return -ENODEV;
	}
	if (find_mount(dir))
		return -EBUSY;
	m = find_mount(NULL);
	if (!m)
		return -ENOMEM;
	ihold(dir);
	m->mountpoint = dir;
	strlcpy(m->type, type, sizeof(m->type));
	strlcpy(m->source, source[0] ? source : "none", sizeof(m->source));
	return 0;
}

SYSCALL_DEFINE5(mount, char __user *, dev_name, char __user *, dir_name, char __user *, type,
		unsigned long, flags, void __user *, data)
{
	char source[32] = "", fstype[FSTYPE_MAX] = "";
	struct ramfs_inode *dir;
	long n = 0;
	int err;

	if (dev_name) {
		n = strncpy_from_user(source, dev_name, sizeof(source));
		if (n < 0)
			return -EFAULT;
		source[sizeof(source) - 1] = '\0';
	}
	if (type) {
		n = strncpy_from_user(fstype, type, sizeof(fstype));
		if (n < 0)
			return -EFAULT;
	}
	err = user_path_at(AT_FDCWD, dir_name, 0, &dir);
	if (err)
		return err;
	if (current->cred.euid != 0)
		err = -EPERM;
	else if (!type && !(flags & MS_REMOUNT))
		err = -EINVAL;
	else if (type && n == sizeof(fstype))
		err = -ENODEV;
	if (!err) {
		spin_lock(&mount_lock);
		err = do_mount(source, dir, fstype, flags);
		spin_unlock(&mount_lock);
	}
	iput(dir);
	return err;
}

#define MNT_FORCE	1
#define MNT_DETACH	2
#define MNT_EXPIRE	4
#define UMOUNT_NOFOLLOW	8

SYSCALL_DEFINE2(umount2, char __user *, name, int, flags)
{
	struct ramfs_inode *dir, *held = NULL;
	struct mount *m;
	int err;

	if (flags & ~(MNT_FORCE | MNT_DETACH | MNT_EXPIRE | UMOUNT_NOFOLLOW))
		return -EINVAL;
	err = user_path_at(AT_FDCWD, name, flags & UMOUNT_NOFOLLOW ? AT_SYMLINK_NOFOLLOW : 0,
			   &dir);
	if (err)
		return err;
	if (current->cred.euid != 0) {
		iput(dir);
		return -EPERM;
	}
	spin_lock(&mount_lock);
	m = find_mount(dir);
	if (m) {
		held = m->mountpoint;
		m->mountpoint = NULL;
	}
	spin_unlock(&mount_lock);
	if (held)
		iput(held);
	iput(dir);
	return m ? 0 : -EINVAL;
}
