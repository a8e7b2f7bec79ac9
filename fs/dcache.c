// SPDX-License-Identifier: GPL-2.0
/*
 * fs/dcache.c: making, finding and freeing directory entries (struct
 * dentry, include/linux/dcache.h). The ramfs (fs/ramfs/inode.c) keeps
 * its tree of names with these; fs/proc gives each of its inodes one.
 * ramfs_lock held by the callers. Unit-tested on the host with the ramfs.
 */
#include <linux/dcache.h>
#include <linux/ramfs.h>
#include <linux/slab.h>
#include <linux/string.h>

struct dentry *d_alloc_name(struct dentry *parent, const char *name, size_t len,
			    struct ramfs_inode *inode)
{
	struct dentry *dentry = kzalloc(sizeof(*dentry), GFP_KERNEL);

	if (!dentry)
		return NULL;
	dentry->d_name = kmalloc(len + 1, GFP_KERNEL);
	if (!dentry->d_name) {
		kfree(dentry);
		return NULL;
	}
	memcpy(dentry->d_name, name, len);
	dentry->d_name[len] = '\0';
	dentry->d_parent = parent;
	dentry->d_inode = inode;
	INIT_LIST_HEAD(&dentry->d_subdirs);
	list_add_tail(&dentry->d_child, &parent->d_subdirs);
	list_add_tail(&dentry->d_alias, &inode->i_dentry);
	return dentry;
}

void d_free(struct dentry *dentry)
{
	list_del(&dentry->d_child);
	list_del(&dentry->d_alias);
	kfree(dentry->d_name);
	kfree(dentry);
}

struct dentry *d_find_alias(struct ramfs_inode *inode)
{
	struct dentry *dentry;

	if (!inode->i_dentry.next)
		return NULL;	/* made zeroed, never named (an anonymous inode) */
	list_for_each_entry(dentry, &inode->i_dentry, d_alias)
		if (!dentry->d_unhashed)
			return dentry;
	return list_first_entry_or_null(&inode->i_dentry, struct dentry, d_alias);
}
