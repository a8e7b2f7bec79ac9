// SPDX-License-Identifier: GPL-2.0
/*
 * fs/char_dev.c: which driver a character device node belongs to. A driver
 * registers its major number (drivers/tty/tty_io.c: 5 for /dev/console,
 * 204 for ttyAMA); opening a node with that major gets the driver's
 * file_operations, whose open() sorts out the minor.
 */
#include <linux/compiler.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/printk.h>

#define MAX_CHRDEV 8

static struct {
	unsigned int major;
	const char *name;
	const struct file_operations *fops;
} chrdevs[MAX_CHRDEV];

int register_chrdev(unsigned int major, const char *name, const struct file_operations *fops)
{
	int free = -1;

	if (!major || !fops)
		return -EINVAL;
	for (int i = 0; i < MAX_CHRDEV; i++) {
		if (chrdevs[i].fops && chrdevs[i].major == major)
			return -EBUSY;
		if (!chrdevs[i].fops && free < 0)
			free = i;
	}
	if (free < 0)
		return -EBUSY;
	chrdevs[free].major = major;
	chrdevs[free].name = name;
	chrdevs[free].fops = fops;
	return 0;
}

const struct file_operations *chrdev_fops(u32 rdev)
{
	for (int i = 0; i < MAX_CHRDEV; i++)
		if (chrdevs[i].fops && chrdevs[i].major == MAJOR(rdev))
			return chrdevs[i].fops;
	return NULL;
}
