// SPDX-License-Identifier: GPL-2.0
/*
 * fs/ramfs/file.c: reading the ramfs's files and listing its directories
 * (the file_operations fs/open.c gives them). A file's contents are
 * inode->data[0..size); a directory lists ".", ".." and then its children
 * in creation order, so ctx->pos is 0, 1, then 2 + the child's index.
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/string.h>

static ssize_t ramfs_read(struct file *file, char *buf, size_t count, loff_t *pos)
{
	struct ramfs_inode *inode = file->f_inode;
	size_t n;

	if (*pos < 0)
		return -EINVAL;
	if ((u64)*pos >= inode->size)
		return 0;
	n = min(count, inode->size - (size_t)*pos);
	memcpy(buf, (char *)inode->data + *pos, n);
	*pos += n;
	return n;
}

static int ramfs_readdir(struct file *file, struct dir_context *ctx)
{
	struct ramfs_inode *dir = file->f_inode, *child;

	if (ctx->pos == 0) {
		if (!ctx->actor(ctx, ".", 1, 1, dir->ino, DT_DIR))
			return 0;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		if (!ctx->actor(ctx, "..", 2, 2, dir->parent->ino, DT_DIR))
			return 0;
		ctx->pos = 2;
	}
	while ((child = ramfs_dir_entry(dir, ctx->pos - 2))) {
		if (!ctx->actor(ctx, child->name, strlen(child->name), ctx->pos + 1, child->ino,
				fs_umode_to_dtype(child->mode)))
			return 0;
		ctx->pos++;
	}
	return 0;
}

const struct file_operations ramfs_file_operations = {
	.read = ramfs_read,
	.llseek = generic_file_llseek,
};

const struct file_operations ramfs_dir_operations = {
	.iterate = ramfs_readdir,
	.llseek = generic_file_llseek,
};
