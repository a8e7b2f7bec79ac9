// SPDX-License-Identifier: GPL-2.0
/*
 * fs/fs_struct.c: the working directory and umask a process's threads
 * share (include/linux/fs_struct.h), as Linux's fs/fs_struct.c.
 *
 * Locking: fs->lock guards users and pwd. A reader takes its own hold on
 * pwd under the lock (get_fs_pwd); chdir swaps pwd under the lock and only
 * then drops the old hold, so a lookup starting from the old directory in
 * another thread keeps it alive. The umask is one word: umask() swaps it
 * under the lock too, and new files read it once (current_umask()).
 */
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/ramfs.h>
#include <linux/sched.h>
#include <linux/slab.h>

struct fs_struct init_fs = {
	.users = 1,
	.lock = __SPIN_LOCK_INITIALIZER(init_fs.lock),
	.umask = 0022,
};

struct fs_struct *copy_fs_struct(struct fs_struct *old)
{
	struct fs_struct *fs = kzalloc(sizeof(*fs), GFP_KERNEL);

	if (!fs)
		return NULL;
	fs->users = 1;
	spin_lock_init(&fs->lock);
	spin_lock(&old->lock);
	fs->umask = old->umask;
	fs->pwd = old->pwd;
	if (fs->pwd)
		ihold(fs->pwd);
	spin_unlock(&old->lock);
	return fs;
}

void get_fs_struct(struct fs_struct *fs)
{
	spin_lock(&fs->lock);
	fs->users++;
	spin_unlock(&fs->lock);
}

void put_fs_struct(struct fs_struct *fs)
{
	bool last;

	spin_lock(&fs->lock);
	last = --fs->users == 0;
	spin_unlock(&fs->lock);
	if (!last || fs == &init_fs)
		return;
	if (fs->pwd)
		iput(fs->pwd);
	kfree(fs);
}

struct ramfs_inode *get_fs_pwd(struct fs_struct *fs)
{
	struct ramfs_inode *pwd;

	spin_lock(&fs->lock);
	pwd = fs->pwd ? fs->pwd : ramfs_root();
	ihold(pwd);
	spin_unlock(&fs->lock);
	return pwd;
}

void set_fs_pwd(struct fs_struct *fs, struct ramfs_inode *inode)
{
	struct ramfs_inode *old;

	if (inode)
		ihold(inode);
	spin_lock(&fs->lock);
	old = fs->pwd;
	fs->pwd = inode;
	spin_unlock(&fs->lock);
	if (old)
		iput(old);
}

unsigned int current_umask(void)
{
	return READ_ONCE(current->fs->umask);
}

/* umask(2): the new mask for every thread sharing fs; the old one back. */
unsigned int xchg_fs_umask(struct fs_struct *fs, unsigned int mask)
{
	unsigned int old;

	spin_lock(&fs->lock);
	old = fs->umask;
	fs->umask = mask;
	spin_unlock(&fs->lock);
	return old;
}
