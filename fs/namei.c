// SPDX-License-Identifier: GPL-2.0
/*
 * fs/namei.c: from a path name to an inode, and the calls that change the
 * names in a directory: mkdirat, mknodat, unlinkat (and rmdir), symlinkat,
 * linkat, renameat2.
 *
 * The walk starts at "/" for an absolute path, else at the directory the
 * caller gives (the working directory for AT_FDCWD). It goes through the
 * ramfs tree one component at a time; "." stays, ".." goes up ("/.." is
 * "/"). A directory whose inode has i_op->lookup belongs to another
 * filesystem (fs/proc on /proc), which makes its entries on demand.
 *
 * /proc/PID/fd/N and /proc/PID/exe are followed as on Linux: to the
 * open file's inode itself (i_op->get_link), whatever their text says, so
 * opening one opens the same file anew, even a pipe or an unlinked file.
 *
 * Symbolic links met on the way are followed, as Linux does: the rest of
 * the path is walked from the link's target (from "/" if the target is
 * absolute, else from the directory holding the link); the last component
 * only if the caller asks (LOOKUP_FOLLOW: open without O_NOFOLLOW, stat,
 * execve; not lstat, readlink, unlink). More than MAXSYMLINKS links in
 * one lookup give -ELOOP.
 *
 * Permission, as Linux's (inode_permission, below): each directory the
 * walk goes through needs x (may_lookup); a directory that gets a name
 * needs w and x (may_create), one that loses a name too, and in a sticky
 * directory the caller must own the file or the directory (may_delete).
 * Root passes; fs/proc's directories keep their own rules.
 *
 * Every inode the walk gives back is held (ihold) and must be given back
 * with iput(): fs/proc's are freed then, a ramfs inode with no name left too.
 * The ramfs's lists, counts and data change under ramfs_lock
 * (include/linux/fs.h): another process, on another CPU, may be walking or
 * changing the same directory.
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>

#define MAXSYMLINKS 40

DEFINE_SPINLOCK(ramfs_lock);

void ihold(struct ramfs_inode *inode)
{
	if (inode->i_op && inode->i_op->hold)
		inode->i_op->hold(inode);
	else if (!inode->i_op || !inode->i_op->evict) {
		spin_lock(&ramfs_lock);
		ramfs_get(inode);
		spin_unlock(&ramfs_lock);
	}
}

void iput(struct ramfs_inode *inode)
{
	if (!inode)
		return;
	if (inode->i_op && inode->i_op->evict) {
		inode->i_op->evict(inode);
	} else {
		spin_lock(&ramfs_lock);
		ramfs_put(inode);
		spin_unlock(&ramfs_lock);
	}
}

/*
 * Not held: for comparing with (rmdir, rename) and for reading under
 * ramfs_lock (getcwd), which a chdir in another thread must take to free
 * it. A lookup starts from get_fs_pwd() instead, which holds it.
 */
struct ramfs_inode *current_cwd(void)
{
	struct ramfs_inode *cwd = READ_ONCE(current->fs->pwd);

	return cwd ? cwd : ramfs_root();
}

/*
 * The directory holding inode's (first) name, held; "/" for "/", and
 * inode itself if it has no name. fs/proc's inodes hold their parent.
 */
static struct ramfs_inode *parent_held(struct ramfs_inode *inode)
{
	struct ramfs_inode *parent;
	struct dentry *dentry;

	spin_lock(&ramfs_lock);	/* a rename may move it */
	dentry = d_find_alias(inode);
	parent = dentry ? dentry->d_parent->d_inode : inode;
	if (!parent->i_op)
		ramfs_get(parent);
	spin_unlock(&ramfs_lock);
	if (parent->i_op)
		ihold(parent);
	return parent;
}

/*
 * Linux's may_lookup: a directory is walked through (searched) with its x
 * permission; fs/proc's directories are not checked (their own rules).
 */
static int may_lookup(struct ramfs_inode *dir)
{
	return dir->i_sdev == PROC_DEV ? 0 : inode_permission(dir, MAY_EXEC);
}

/* One step from dir to its entry name[0..len): 0 and *next (held), or -errno. */
static int walk_component(struct ramfs_inode *dir, const char *name, size_t len,
			  struct ramfs_inode **next)
{
	if (!S_ISDIR(dir->mode))
		return -ENOTDIR;
	if (may_lookup(dir))
		return -EACCES;
	if (len > RAMFS_NAME_MAX)
		return -ENAMETOOLONG;
	if (len == 1 && name[0] == '.') {
		*next = dir;
	} else if (len == 2 && name[0] == '.' && name[1] == '.') {
		*next = parent_held(dir);
		return 0;
	} else if (dir->i_op && dir->i_op->lookup) {
		return dir->i_op->lookup(dir, name, len, next);	/* made held */
	} else {
		spin_lock(&ramfs_lock);
		*next = ramfs_lookup_child(dir, name, len);
		if (*next)
			ramfs_get(*next);
		spin_unlock(&ramfs_lock);
		return *next ? 0 : -ENOENT;
	}
	ihold(*next);
	return 0;
}

/*
 * Walk path from start (held by the caller; not consumed). *links counts
 * the symbolic links followed so far in this lookup.
 */
static int path_walk(struct ramfs_inode *start, const char *path, unsigned int flags,
		     int *links, struct ramfs_inode **res)
{
	struct ramfs_inode *cur = path[0] == '/' ? ramfs_root() : start;
	const char *p = path;

	if (!*path)
		return -ENOENT;
	if (strnlen(path, RAMFS_PATH_MAX) == RAMFS_PATH_MAX)
		return -ENAMETOOLONG;
	ihold(cur);
	for (;;) {
		struct ramfs_inode *next;
		const char *name, *rest;
		bool last;
		int err;

		while (*p == '/')
			p++;
		if (!*p)
			break;
		name = p;
		while (*p && *p != '/')
			p++;
		for (rest = p; *rest == '/'; rest++)
			;
		last = !*rest;
		err = walk_component(cur, name, p - name, &next);
		if (err) {
			iput(cur);
			return err;
		}
		if (S_ISLNK(next->mode) && next->i_op && next->i_op->get_link &&
		    (!last || (flags & LOOKUP_FOLLOW) || *p == '/')) {
			struct ramfs_inode *target;

			/* a magic link: to the open file itself */
			err = ++*links > MAXSYMLINKS ? -ELOOP : next->i_op->get_link(next, &target);
			iput(next);
			if (err) {
				iput(cur);
				return err;
			}
			next = target;
		}
		if (S_ISLNK(next->mode) && (!last || (flags & LOOKUP_FOLLOW) || *p == '/')) {
			size_t tlen = next->size, rlen = strlen(p);
			char *target;

			if (++*links > MAXSYMLINKS || !tlen) {
				iput(next);
				iput(cur);
				return tlen ? -ELOOP : -ENOENT;
			}
			if (tlen + rlen + 1 > RAMFS_PATH_MAX) {
				iput(next);
				iput(cur);
				return -ENAMETOOLONG;
			}
			target = kmalloc(tlen + rlen + 1, GFP_KERNEL);
			if (!target) {
				iput(next);
				iput(cur);
				return -ENOMEM;
			}
			memcpy(target, next->data, tlen);
			memcpy(target + tlen, p, rlen + 1);	/* the rest of the path */
			iput(next);
			err = path_walk(cur, target, flags, links, res);
			kfree(target);
			iput(cur);
			return err;
		}
		iput(cur);
		cur = next;
		if (*p == '/' && !S_ISDIR(cur->mode) && last) {
			iput(cur);
			return -ENOTDIR;	/* "file/" */
		}
	}
	*res = cur;
	return 0;
}

/* Where a lookup from dfd starts: *start (held), or -EBADF / -ENOTDIR. */
static int path_start(int dfd, const char *path, struct ramfs_inode **start)
{
	struct file *dir;

	if (path[0] == '/' || dfd == AT_FDCWD) {
		*start = get_fs_pwd(current->fs);
		return 0;
	}
	dir = fget(dfd);
	if (!dir)
		return -EBADF;
	*start = dir->f_inode;
	if (!S_ISDIR((*start)->mode)) {
		fput(dir);
		return -ENOTDIR;
	}
	ihold(*start);
	fput(dir);
	return 0;
}

int filename_lookup_flags(int dfd, const char *path, unsigned int flags,
			  struct ramfs_inode **res)
{
	struct ramfs_inode *start;
	int links = 0, err = path_start(dfd, path, &start);

	if (err)
		return err;
	err = path_walk(start, path, flags, &links, res);
	iput(start);
	return err;
}

int filename_lookup(int dfd, const char *path, struct ramfs_inode **res)
{
	return filename_lookup_flags(dfd, path, LOOKUP_FOLLOW, res);
}

/* filename_parentat from a start directory (held by the caller; not consumed). */
static int parentat_from(struct ramfs_inode *start, const char *path, struct ramfs_inode **dir,
			 const char **last, size_t *len)
{
	size_t n = strlen(path), end, begin;
	int links = 0, err;
	char *dirpart;

	if (!n)
		return -ENOENT;
	if (n >= RAMFS_PATH_MAX)
		return -ENAMETOOLONG;
	for (end = n; end > 0 && path[end - 1] == '/'; end--)
		;
	if (!end)
		return -EBUSY;			/* "/" itself */
	for (begin = end; begin > 0 && path[begin - 1] != '/'; begin--)
		;
	*last = path + begin;
	*len = end - begin;
	if (!begin) {
		*dir = start;
		ihold(start);
	} else {
		dirpart = kmalloc(begin + 1, GFP_KERNEL);
		if (!dirpart)
			return -ENOMEM;
		memcpy(dirpart, path, begin);
		dirpart[begin] = '\0';
		err = path_walk(start, dirpart, LOOKUP_FOLLOW, &links, dir);
		kfree(dirpart);
		if (err)
			return err;
	}
	if (!S_ISDIR((*dir)->mode)) {
		iput(*dir);
		return -ENOTDIR;
	}
	return 0;
}

int filename_parentat(int dfd, const char *path, struct ramfs_inode **dir,
		      const char **last, size_t *len)
{
	struct ramfs_inode *start;
	int err = path_start(dfd, path, &start);

	if (err)
		return err;
	err = parentat_from(start, path, dir, last, len);
	iput(start);
	return err;
}

char *getname(const char __user *filename, int *err)
{
	char *name = kmalloc(RAMFS_PATH_MAX, GFP_KERNEL);
	long len;

	if (!name) {
		*err = -ENOMEM;
		return NULL;
	}
	len = strncpy_from_user(name, filename, RAMFS_PATH_MAX);
	if (len < 0 || len == RAMFS_PATH_MAX) {
		*err = len < 0 ? -EFAULT : -ENAMETOOLONG;
		kfree(name);
		return NULL;
	}
	return name;
}

void putname(char *name)
{
	kfree(name);
}

/* ---- permission ------------------------------------------------------------------ */

/*
 * Linux's generic_permission (acl_permission_check, then the capability
 * overrides), for the ids given: the owner's bits if uid owns the inode,
 * else the group's if gid or a supplementary group of current is the
 * inode's, else the others'. Root (uid 0, Linux's CAP_DAC_OVERRIDE) may
 * read and write anything and execute what has an x bit somewhere (and
 * search any directory). 0 or -EACCES.
 */
static int permission_as(struct ramfs_inode *inode, int mask, unsigned int uid, unsigned int gid)
{
	const struct cred *c = &current->cred;
	unsigned int mode = inode->mode;
	bool in_group = inode->gid == gid;

	for (int i = 0; i < c->ngroups && !in_group; i++)
		in_group = c->groups[i] == inode->gid;
	if (uid == inode->uid)
		mode >>= 6;
	else if (in_group)
		mode >>= 3;
	mask &= MAY_READ | MAY_WRITE | MAY_EXEC;
	if (!(mask & ~mode))
		return 0;
	if (uid == 0 && (!(mask & MAY_EXEC) || S_ISDIR(inode->mode) || (inode->mode & 0111)))
		return 0;
	return -EACCES;
}

int inode_permission(struct ramfs_inode *inode, int mask)
{
	const struct cred *c = &current->cred;

	return permission_as(inode, mask, c->fsuid, c->fsgid);
}

/* faccessat: the real ids (Linux's access_override_creds), or with AT_EACCESS the fs ones. */
int inode_access_permission(struct ramfs_inode *inode, int mask, bool effective)
{
	const struct cred *c = &current->cred;

	return effective ? permission_as(inode, mask, c->fsuid, c->fsgid)
			 : permission_as(inode, mask, c->uid, c->gid);
}

/*
 * Linux's inode_init_owner: a new inode is current's fsuid's; its group
 * is the directory's if that is set-group-ID (a new directory inherits
 * the bit), else current's fsgid.
 */
static void inode_init_owner(struct ramfs_inode *inode, const struct ramfs_inode *dir)
{
	inode->uid = current->cred.fsuid;
	if (dir->mode & S_ISGID) {
		inode->gid = dir->gid;
		if (S_ISDIR(inode->mode))
			inode->mode |= S_ISGID;
	} else {
		inode->gid = current->cred.fsgid;
	}
}

/* ---- changing directories ------------------------------------------------------ */

/* Only the ramfs's own directories change; fs/proc's do not (-EACCES, -EPERM). */
static int may_change(struct ramfs_inode *dir)
{
	return dir->i_op ? -EACCES : 0;
}

/* Linux's may_create: a new name in dir needs its w and x permission. */
static int may_create(struct ramfs_inode *dir)
{
	return inode_permission(dir, MAY_WRITE | MAY_EXEC);
}

/*
 * Linux's may_delete (the permission part): taking inode's name out of
 * dir needs dir's w and x permission, and in a sticky directory (/tmp)
 * owning the file or the directory, or root (CAP_FOWNER): -EPERM.
 */
static int may_delete(struct ramfs_inode *dir, struct ramfs_inode *inode)
{
	unsigned int fsuid = current->cred.fsuid;
	int err = inode_permission(dir, MAY_WRITE | MAY_EXEC);

	if (err)
		return err;
	if ((dir->mode & S_ISVTX) && fsuid != 0 && fsuid != inode->uid && fsuid != dir->uid)
		return -EPERM;
	return 0;
}

static int create_from(struct ramfs_inode *start, const char *path, umode_t mode, u32 rdev,
		       struct ramfs_inode **res)
{
	struct ramfs_inode *dir, *inode;
	const char *last;
	size_t len;
	int err = parentat_from(start, path, &dir, &last, &len);

	if (err)
		return err == -EBUSY ? -EEXIST : err;	/* "/" exists */
	err = may_change(dir) ?: may_lookup(dir);
	if (!err) {	/* Linux: an existing name is -EEXIST before may_create asks */
		spin_lock(&ramfs_lock);
		if (ramfs_lookup_child(dir, last, len))
			err = -EEXIST;
		spin_unlock(&ramfs_lock);
	}
	if (!err)
		err = may_create(dir);
	if (!err) {
		spin_lock(&ramfs_lock);
		err = ramfs_new_child(dir, last, len, mode, rdev, &inode);
		if (!err)
			ramfs_get(inode);
		spin_unlock(&ramfs_lock);
	}
	if (!err) {
		inode_init_owner(inode, dir);
		inode_init_times(inode);
		inode_touch(dir, INODE_MTIME);
		*res = inode;
	}
	iput(dir);
	return err;
}

int vfs_create_at(int dfd, const char *path, umode_t mode, u32 rdev,
		  struct ramfs_inode **res)
{
	struct ramfs_inode *start;
	int err = path_start(dfd, path, &start);

	if (err)
		return err;
	err = create_from(start, path, mode, rdev, res);
	iput(start);
	return err;
}

int vfs_open_create(int dfd, const char *path, umode_t mode, struct ramfs_inode **res,
		    bool *created)
{
	struct ramfs_inode *start = NULL, *inode;
	int links = 0, err = path_start(dfd, path, &start);
	char *target = NULL;

	*created = false;
	while (!err) {
		err = path_walk(start, path, 0, &links, &inode);
		if (err == -ENOENT) {
			err = create_from(start, path, S_IFREG | mode, 0, res);
			*created = !err;
			break;
		}
		if (err)
			break;
		if (S_ISLNK(inode->mode) && inode->i_op && inode->i_op->get_link) {
			struct ramfs_inode *link = inode;

			err = ++links > MAXSYMLINKS ? -ELOOP : link->i_op->get_link(link, &inode);
			iput(link);
			if (err)
				break;
		}
		if (!S_ISLNK(inode->mode)) {
			*res = inode;
			break;
		}
		/* a link: create (or open) its target, from the link's directory */
		if (++links > MAXSYMLINKS || !inode->size) {
			err = inode->size ? -ELOOP : -ENOENT;
			iput(inode);
			break;
		}
		kfree(target);
		target = kmalloc(inode->size + 1, GFP_KERNEL);
		if (!target) {
			err = -ENOMEM;
			iput(inode);
			break;
		}
		memcpy(target, inode->data, inode->size);
		target[inode->size] = '\0';
		iput(start);
		start = parent_held(inode);
		iput(inode);
		path = target;
	}
	kfree(target);
	iput(start);
	return err;
}

static long user_path_call(const char __user *upath, long (*fn)(const char *path, void *arg),
			   void *arg)
{
	char *path;
	long ret;
	int err;

	path = getname(upath, &err);
	if (!path)
		return err;
	ret = fn(path, arg);
	putname(path);
	return ret;
}

struct mknod_args {
	int dfd;
	umode_t mode;
	u32 dev;
};

static long do_mknodat(const char *path, void *arg)
{
	struct mknod_args *a = arg;
	struct ramfs_inode *inode;
	int err = vfs_create_at(a->dfd, path, a->mode, a->dev, &inode);

	if (!err)
		iput(inode);
	return err;
}

SYSCALL_DEFINE3(mkdirat, int, dfd, const char __user *, pathname, umode_t, mode)
{
	struct mknod_args a = { dfd, S_IFDIR | (mode & 07777 & ~current_umask()), 0 };

	return user_path_call(pathname, do_mknodat, &a);
}

/*
 * Regular files and character devices. FIFOs and sockets would need
 * named-pipe opening and sockets, which do not exist: -EPERM, as a
 * filesystem without them says; block devices likewise.
 */
SYSCALL_DEFINE4(mknodat, int, dfd, const char __user *, filename, umode_t, mode,
		unsigned int, dev)
{
	struct mknod_args a = { dfd, 0, (u32)(((dev >> 8) & 0xfff) << 20) |
				(dev & 0xff) | ((dev >> 12) & 0xfff00) };

	switch (mode & S_IFMT) {
	case 0:
	case S_IFREG:
		a.mode = S_IFREG;
		a.dev = 0;
		break;
	case S_IFCHR:
		a.mode = S_IFCHR;
		break;
	case S_IFIFO:
	case S_IFSOCK:
	case S_IFBLK:
		return -EPERM;
	default:
		return -EINVAL;
	}
	a.mode |= mode & 07777 & ~current_umask();
	return user_path_call(filename, do_mknodat, &a);
}

struct unlink_args {
	int dfd;
	int flags;
};

static long do_unlinkat(const char *path, void *arg)
{
	struct unlink_args *a = arg;
	struct ramfs_inode *dir, *inode;
	const char *last;
	size_t len;
	int err = filename_parentat(a->dfd, path, &dir, &last, &len);

	if (err)
		return err;
	if (len == 1 && last[0] == '.')
		err = -EINVAL;
	else if (len == 2 && last[0] == '.' && last[1] == '.')
		err = -ENOTEMPTY;
	else
		err = may_change(dir);
	if (!err)
		err = walk_component(dir, last, len, &inode);
	if (err) {
		iput(dir);
		return err;
	}
	err = may_delete(dir, inode);
	if (!err && (a->flags & AT_REMOVEDIR)) {
		if (!S_ISDIR(inode->mode))
			err = -ENOTDIR;
		else if (inode->i_op)
			err = -EBUSY;		/* /proc: a mount point */
		else if (!ramfs_dir_empty(inode))
			err = -ENOTEMPTY;
		else if (inode == current_cwd() || inode == ramfs_root())
			err = -EBUSY;
	} else if (!err && S_ISDIR(inode->mode)) {
		err = -EISDIR;
	} else if (!err && last[len] == '/') {
		err = -ENOTDIR;
	}
	if (!err) {
		struct dentry *dentry;

		spin_lock(&ramfs_lock);
		dentry = ramfs_lookup_dentry(dir, last, len);
		if (dentry && dentry->d_inode == inode)
			ramfs_unlink(dentry);	/* inode still held by us: freed at our iput */
		else
			err = -ENOENT;		/* gone meanwhile */
		spin_unlock(&ramfs_lock);
	}
	if (!err) {
		inode_touch(dir, INODE_MTIME);
		inode_touch(inode, INODE_CTIME);	/* its link count changed */
	}
	iput(inode);
	iput(dir);
	return err;
}

SYSCALL_DEFINE3(unlinkat, int, dfd, const char __user *, pathname, int, flag)
{
	struct unlink_args a = { dfd, flag };

	if (flag & ~AT_REMOVEDIR)
		return -EINVAL;
	return user_path_call(pathname, do_unlinkat, &a);
}

struct symlink_args {
	int dfd;
	const char *target;
};

static long do_symlinkat(const char *path, void *arg)
{
	struct symlink_args *a = arg;
	struct ramfs_inode *inode;
	size_t n = strlen(a->target);
	int err;

	if (!n)
		return -ENOENT;
	err = vfs_create_at(a->dfd, path, S_IFLNK | 0777, 0, &inode);
	if (err)
		return err;
	spin_lock(&ramfs_lock);
	err = ramfs_resize(inode, n);
	if (!err)
		memcpy(inode->data, a->target, n);
	else
		ramfs_unlink(d_find_alias(inode));	/* its one name */
	spin_unlock(&ramfs_lock);
	iput(inode);
	return err;
}

SYSCALL_DEFINE3(symlinkat, const char __user *, oldname, int, newdfd,
		const char __user *, newname)
{
	struct symlink_args a = { newdfd, NULL };
	char *target;
	long ret;
	int err;

	target = getname(oldname, &err);
	if (!target)
		return err;
	a.target = target;
	ret = user_path_call(newname, do_symlinkat, &a);
	putname(target);
	return ret;
}

/*
 * linkat: newname, a new name for oldname's inode, in the order Linux
 * checks: oldname must exist (AT_SYMLINK_FOLLOW: what a link there points
 * at, else the link itself; AT_EMPTY_PATH with "": olddfd's own file,
 * even one open but unlinked: -ENOENT then), newname must not (-EEXIST;
 * "name/" -ENOENT; in /proc -ENOENT, which makes no new names), both on
 * one filesystem (-EXDEV: /proc, /dev, pipes are others), and it must not
 * be a directory (-EPERM).
 */
static int do_linkat(int olddfd, const char __user *oldname, int newdfd, const char *newpath,
		     int flags)
{
	struct ramfs_inode *inode, *dir, *existing;
	const char *last;
	size_t len;
	int err;

	err = user_path_at(olddfd, oldname, (flags & AT_EMPTY_PATH) |
			   (flags & AT_SYMLINK_FOLLOW ? 0 : AT_SYMLINK_NOFOLLOW), &inode);
	if (err)
		return err;
	err = filename_parentat(newdfd, newpath, &dir, &last, &len);
	if (err) {
		iput(inode);
		return err == -EBUSY ? -EEXIST : err;	/* "/" exists */
	}
	if ((len == 1 && last[0] == '.') || (len == 2 && last[0] == '.' && last[1] == '.')) {
		err = -EEXIST;
	} else {
		err = walk_component(dir, last, len, &existing);
		if (!err) {
			iput(existing);
			err = -EEXIST;
		} else if (err == -ENOENT && !(dir->i_op && dir->i_op->lookup)) {
			err = 0;	/* fs/proc's lookup says -ENOENT: Linux's answer too */
		}
	}
	if (!err && last[len] == '/')
		err = -ENOENT;		/* a directory was asked for: Linux's filename_create */
	else if (!err && inode->i_sdev != dir->i_sdev)
		err = -EXDEV;
	else if (!err && (dir->i_op || inode->i_op))
		err = -EPERM;		/* fs/proc makes no links */
	else if (!err)
		err = may_create(dir);
	if (!err) {
		spin_lock(&ramfs_lock);
		err = ramfs_link(inode, dir, last, len);
		spin_unlock(&ramfs_lock);
	}
	if (!err) {
		inode_touch(inode, INODE_CTIME);
		inode_touch(dir, INODE_MTIME);
	}
	iput(dir);
	iput(inode);
	return err;
}

SYSCALL_DEFINE5(linkat, int, olddfd, const char __user *, oldname, int, newdfd,
		const char __user *, newname, int, flags)
{
	char *newpath;
	int err;

	if (flags & ~(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	newpath = getname(newname, &err);
	if (!newpath)
		return err;
	err = do_linkat(olddfd, oldname, newdfd, newpath, flags);
	putname(newpath);
	return err;
}

#define RENAME_NOREPLACE	(1 << 0)
#define RENAME_EXCHANGE		(1 << 1)
#define RENAME_WHITEOUT		(1 << 2)

/*
 * What Linux's vfs_rename asks first: taking inode out of olddir
 * (may_delete), and putting it in newdir (may_delete of the target it
 * replaces, else may_create); a directory moving to another one needs
 * its own w permission too (its ".." changes).
 */
static int may_rename(struct ramfs_inode *olddir, struct ramfs_inode *inode,
		      struct ramfs_inode *newdir, struct ramfs_inode *target)
{
	int err = may_delete(olddir, inode);

	if (!err)
		err = target ? may_delete(newdir, target) : may_create(newdir);
	if (!err && S_ISDIR(inode->mode) && olddir != newdir)
		err = inode_permission(inode, MAY_WRITE);
	return err;
}

static int do_renameat2(int olddfd, const char *oldpath, int newdfd, const char *newpath,
			unsigned int flags)
{
	struct ramfs_inode *olddir, *newdir, *inode, *target = NULL;
	const char *oldlast, *newlast;
	size_t oldlen, newlen;
	int err;

	err = filename_parentat(olddfd, oldpath, &olddir, &oldlast, &oldlen);
	if (err)
		return err;
	err = filename_parentat(newdfd, newpath, &newdir, &newlast, &newlen);
	if (err) {
		iput(olddir);
		return err;
	}
	if (olddir->i_sdev != newdir->i_sdev) {
		err = -EXDEV;		/* from one filesystem to another */
		goto out_dirs;
	}
	if ((oldlen == 1 && oldlast[0] == '.') || (oldlen == 2 && !strncmp(oldlast, "..", 2)) ||
	    (newlen == 1 && newlast[0] == '.') || (newlen == 2 && !strncmp(newlast, "..", 2))) {
		err = -EBUSY;
		goto out_dirs;
	}
	err = may_change(olddir) ?: may_change(newdir);
	if (!err)
		err = walk_component(olddir, oldlast, oldlen, &inode);
	if (err)
		goto out_dirs;
	err = walk_component(newdir, newlast, newlen, &target);
	if (err == -ENOENT) {
		target = NULL;
		err = 0;
	}
	if (err)
		goto out_inode;
	if (target && (flags & RENAME_NOREPLACE))
		err = -EEXIST;
	else
		err = may_rename(olddir, inode, newdir, target);
	if (err) {
		/* nothing more to ask */
	} else if (inode->i_op || (target && target->i_op) || inode->i_sdev != olddir->i_sdev ||
		   (target && target->i_sdev != newdir->i_sdev)) {
		err = -EBUSY;			/* /proc, /dev: mount points */
	} else if (target && target != inode) {
		if (S_ISDIR(inode->mode) && !S_ISDIR(target->mode))
			err = -ENOTDIR;
		else if (!S_ISDIR(inode->mode) && S_ISDIR(target->mode))
			err = -EISDIR;
		else if (S_ISDIR(target->mode) && !ramfs_dir_empty(target))
			err = -ENOTEMPTY;
		else if (target == current_cwd())
			err = -EBUSY;
	} else if (!S_ISDIR(inode->mode) && (oldlast[oldlen] == '/' || newlast[newlen] == '/')) {
		err = -ENOTDIR;
	}
	if (!err) {
		struct dentry *dentry;

		spin_lock(&ramfs_lock);
		dentry = ramfs_lookup_dentry(olddir, oldlast, oldlen);
		err = dentry && dentry->d_inode == inode ?
		      ramfs_rename(dentry, newdir, newlast, newlen) : -ENOENT;
		spin_unlock(&ramfs_lock);
	}
	if (!err) {
		inode_touch(olddir, INODE_MTIME);
		inode_touch(newdir, INODE_MTIME);
		inode_touch(inode, INODE_CTIME);
	}
	iput(target);
out_inode:
	iput(inode);
out_dirs:
	iput(newdir);
	iput(olddir);
	return err;
}

SYSCALL_DEFINE5(renameat2, int, olddfd, const char __user *, oldname, int, newdfd,
		const char __user *, newname, unsigned int, flags)
{
	char *oldpath, *newpath;
	int err;

	if (flags & ~RENAME_NOREPLACE)
		return -EINVAL;		/* RENAME_EXCHANGE, _WHITEOUT: not supported */
	oldpath = getname(oldname, &err);
	if (!oldpath)
		return err;
	newpath = getname(newname, &err);
	if (!newpath) {
		putname(oldpath);
		return err;
	}
	err = do_renameat2(olddfd, oldpath, newdfd, newpath, flags);
	putname(newpath);
	putname(oldpath);
	return err;
}

SYSCALL_DEFINE4(renameat, int, olddfd, const char __user *, oldname, int, newdfd,
		const char __user *, newname)
{
	return __do_sys_renameat2(olddfd, oldname, newdfd, newname, 0);
}
