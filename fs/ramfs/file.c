// SPDX-License-Identifier: GPL-2.0
/*
 * fs/ramfs/file.c: reading and writing the ramfs's files and listing its
 * directories (the file_operations fs/open.c gives them). A file's
 * contents are inode->data[0..size), grown by writes past the end (a gap
 * reads as zeros) and O_APPEND writes, which go to the end whatever the
 * position; a directory lists ".", ".." and then its children in creation
 * order, so ctx->pos is 0, 1, then 2 + the child's index.
 *
 * Another process, on another CPU, may use the same inode: each operation
 * holds ramfs_lock (include/linux/fs.h) while it looks at the data, which
 * moves when a write grows it, and at the directory's list.
 *
 * mmap (mm/mmap.c) maps a file's bytes themselves (for MAP_SHARED, and
 * for MAP_PRIVATE until a page's first write): the buffer is made page
 * aligned for it (ramfs_make_mappable), and before it moves or shrinks
 * the file's pages are taken out of every mapping (ramfs_resize_mapped),
 * to be faulted in again from the new buffer.
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mm_user.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <asm/processor.h>

/* ramfs_lock held. */
int ramfs_resize_mapped(struct ramfs_inode *inode, size_t size)
{
	size_t old = inode->size;
	int err;

	if (size > inode->capacity || size < old)
		unmap_mapping_range(inode);
	err = ramfs_resize(inode, size);
	if (!err && size < old)	/* the tail of a mapped last page reads as zeros */
		memset((char *)inode->data + size, 0, old - size);
	return err;
}

int ramfs_make_mappable(struct ramfs_inode *inode)
{
	size_t cap;
	int err = 0;
	char *data;

	spin_lock(&ramfs_lock);
	cap = max(PAGE_ALIGN(inode->size), PAGE_SIZE);
	if (!IS_ALIGNED((unsigned long)inode->data, PAGE_SIZE) || inode->capacity < cap ||
	    !IS_ALIGNED(inode->capacity, PAGE_SIZE)) {
		/* kmalloc of a page or more is page aligned (mm/slab.c) */
		data = kzalloc(cap, GFP_KERNEL);
		if (!data) {
			err = -ENOMEM;
		} else {
			unmap_mapping_range(inode);
			if (inode->size)
				memcpy(data, inode->data, inode->size);
			kfree(inode->data);
			inode->data = data;
			inode->capacity = cap;
		}
	}
	spin_unlock(&ramfs_lock);
	return err;
}

static ssize_t ramfs_read(struct file *file, char *buf, size_t count, loff_t *pos)
{
	struct ramfs_inode *inode = file->f_inode;
	size_t n;

	if (*pos < 0)
		return -EINVAL;
	spin_lock(&ramfs_lock);
	if ((u64)*pos >= inode->size) {
		spin_unlock(&ramfs_lock);
		return 0;
	}
	n = min(count, inode->size - (size_t)*pos);
	memcpy(buf, (char *)inode->data + *pos, n);
	spin_unlock(&ramfs_lock);
	*pos += n;
	return n;
}

static ssize_t ramfs_write(struct file *file, const char *buf, size_t count, loff_t *pos)
{
	struct ramfs_inode *inode = file->f_inode;
	int err = 0;

	if (!S_ISREG(inode->mode))
		return -EINVAL;
	spin_lock(&ramfs_lock);
	if (file->f_flags & O_APPEND)
		*pos = inode->size;
	if (*pos < 0) {
		err = -EINVAL;
	} else if ((u64)*pos >= RAMFS_FILE_MAX) {
		err = count ? -EFBIG : 0;
	} else {
		count = min(count, (size_t)(RAMFS_FILE_MAX - *pos));
		if (*pos + count > inode->size)
			err = ramfs_resize_mapped(inode, *pos + count);
		if (!err)
			memcpy((char *)inode->data + *pos, buf, count);
	}
	spin_unlock(&ramfs_lock);
	if (err)
		return err;
	*pos += count;
	if (count)
		inode_touch(inode, INODE_MTIME);
	return count;
}

static int ramfs_readdir(struct file *file, struct dir_context *ctx)
{
	struct ramfs_inode *dir = file->f_inode;
	struct dentry *child;
	u64 parent_ino;

	if (ctx->pos == 0) {
		if (!ctx->actor(ctx, ".", 1, 1, dir->ino, DT_DIR))
			return 0;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		spin_lock(&ramfs_lock);
		child = d_find_alias(dir);
		parent_ino = child ? child->d_parent->d_inode->ino : dir->ino;
		spin_unlock(&ramfs_lock);
		if (!ctx->actor(ctx, "..", 2, 2, parent_ino, DT_DIR))
			return 0;
		ctx->pos = 2;
	}
	for (;;) {
		char name[RAMFS_NAME_MAX + 1];
		unsigned int type;
		u64 ino;

		spin_lock(&ramfs_lock);
		child = ramfs_dir_entry(dir, ctx->pos - 2);
		if (child) {
			strlcpy(name, child->d_name, sizeof(name));
			ino = child->d_inode->ino;
			type = fs_umode_to_dtype(child->d_inode->mode);
		}
		spin_unlock(&ramfs_lock);
		if (!child)
			return 0;
		if (!ctx->actor(ctx, name, strlen(name), ctx->pos + 1, ino, type))
			return 0;
		ctx->pos++;
	}
}

const struct file_operations ramfs_file_operations = {
	.read = ramfs_read,
	.write = ramfs_write,
	.llseek = generic_file_llseek,
};

const struct file_operations ramfs_dir_operations = {
	.iterate = ramfs_readdir,
	.llseek = generic_file_llseek,
};
