// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/base/devtmpfs.c: /dev as its own filesystem, as Linux's devtmpfs
 * mounted there. Here it is the /dev directory of the root filesystem
 * (the initramfs may already have put /dev/console in it) with every
 * inode below it marked as devtmpfs's (i_sdev): stat shows another st_dev,
 * and link(2) or rename(2) between /dev and the rest gives -EXDEV, as
 * between two Linux filesystems. The drivers then make their nodes in it
 * (drivers/tty/tty_io.c, drivers/char/mem.c); `mount -t devtmpfs`
 * (fs/namespace.c) is accepted on it.
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/printk.h>
#include <linux/ramfs.h>
#include <linux/spinlock.h>

void __init devtmpfs_init(void)
{
	struct ramfs_inode *dev;
	int err = ramfs_create("/dev", S_IFDIR | 0755, 0, 0, NULL, 0, NULL);

	if ((err && err != -EEXIST) || ramfs_lookup("/dev", &dev) || !S_ISDIR(dev->mode)) {
		pr_err("devtmpfs: unable to create devtmpfs %d\n", err);
		return;
	}
	spin_lock(&ramfs_lock);
	ramfs_set_sdev(dev, DEVTMPFS_DEV);
	spin_unlock(&ramfs_lock);
	pr_info("devtmpfs: initialized\n");
}
