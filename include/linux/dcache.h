/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/dcache.h: directory entries, as Linux separates them from
 * inodes. A struct dentry is one name in one directory and the inode it
 * names; an inode (struct ramfs_inode, include/linux/ramfs.h) is the file
 * itself: mode, owner, times, size, contents, and i_nlink, the number of
 * names it has. link(2) gives an inode one more dentry; unlink(2) takes
 * one away, and the inode goes when it has no name and nothing holds it
 * open (i_count).
 *
 * A directory has one name only (no hard links to directories, as on
 * Linux), so its dentry is found from the inode (d_find_alias) and ".."
 * is that dentry's d_parent. fs/proc's inodes each carry a dentry of their
 * own (struct proc_inode), so a path is built the same way under /proc.
 *
 * Everything here changes under ramfs_lock (include/linux/fs.h).
 */
#ifndef __LINUX_DCACHE_H
#define __LINUX_DCACHE_H

#include <linux/list.h>
#include <linux/types.h>

struct ramfs_inode;

struct dentry {
	char *d_name;			/* "" for the root */
	struct dentry *d_parent;	/* the directory holding it; the root's is itself */
	struct ramfs_inode *d_inode;	/* what the name names (never NULL) */
	struct list_head d_child;	/* in d_parent->d_subdirs */
	struct list_head d_subdirs;	/* a directory's entries, in creation order */
	struct list_head d_alias;	/* in d_inode->i_dentry */
	/*
	 * Taken out of its directory (unlinked, renamed over) while its inode,
	 * which had no other name, was still open: kept so /proc/PID/fd still
	 * shows the old path, with " (deleted)"; it holds its parent
	 * directory's inode. Freed with the inode.
	 */
	bool d_unhashed;
};

/*
 * A new dentry name[0..len) in directory parent (at the end of its
 * entries), naming inode (added to its aliases). NULL: no memory.
 */
struct dentry *d_alloc_name(struct dentry *parent, const char *name, size_t len,
			    struct ramfs_inode *inode);
/* Take dentry out of its directory and its inode's aliases, and free it. */
void d_free(struct dentry *dentry);
/*
 * A dentry of inode: one still in a directory if there is one (the first
 * made), else the one kept when the last name went; NULL for a pipe's
 * inode and for any inode made zeroed outside a filesystem (its i_dentry
 * never initialised: it has no name). Not counted: ramfs_lock held, or the inode is a directory held
 * by the caller.
 */
struct dentry *d_find_alias(struct ramfs_inode *inode);

#endif
