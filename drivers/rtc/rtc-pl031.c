// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/rtc/rtc-pl031.c: the ARM PrimeCell PL031 real-time clock
 * (compatible "arm,pl031": QEMU virt has one at 0x9010000, holding the
 * host's time). Its data register, RTCDR, counts seconds since 1970-01-01
 * UTC. At boot CLOCK_REALTIME is set from it, with Linux's lines
 * (rtc-pl031 registering as rtc0, then drivers/rtc/class.c's hctosys):
 *
 *   rtc-pl031 9010000.pl031: registered as rtc0
 *   rtc-pl031 9010000.pl031: setting system clock to 2026-12-03T06:29:11 UTC (1796279351)
 *
 * Only reading at boot: no /dev/rtc0, no alarm interrupt, the RTC is
 * never written (clock_settime moves the system clock only).
 */
#include <linux/amba/bus.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/of_fdt.h>
#include <linux/printk.h>
#include <linux/timekeeping.h>
#include <asm/io.h>

#define RTC_DR		0x00	/* data: seconds */
#define NSEC_PER_SEC	1000000000ULL

void __init pl031_rtc_init(void);

/* Days since 1970-01-01 -> civil date (proleptic Gregorian, as time64_to_tm). */
static void days_to_date(long days, long *year, int *month, int *day)
{
	long era, doe, yoe, doy, mp, y;

	days += 719468;			/* from 0000-03-01 */
	era = (days >= 0 ? days : days - 146096) / 146097;
	doe = days - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*day = doy - (153 * mp + 2) / 5 + 1;
	*month = mp < 10 ? mp + 3 : mp - 9;
	*year = y + (*month <= 2);
}

void __init pl031_rtc_init(void)
{
	int node = of_fdt_next_compatible(-1, "arm,pl031");
	phys_addr_t phys;
	void __iomem *base;
	long year;
	int month, day;
	u64 size;
	u32 secs;

	for (; node >= 0; node = of_fdt_next_compatible(node, "arm,pl031"))
		if (of_fdt_device_is_available(node))
			break;
	if (node < 0)
		return;			/* no RTC: CLOCK_REALTIME counts from 1970 */
	if (of_address_to_resource(node, 0, &phys, &size) || size < 0x1000) {
		pr_err("rtc-pl031: no usable reg: system clock not set\n");
		return;
	}
	base = ioremap(phys, 0x1000);
	if (!base || !amba_device_present(base)) {
		pr_err("rtc-pl031 %llx.pl031: no PrimeCell there: system clock not set\n",
		       (unsigned long long)phys);
		return;
	}
	pr_info("rtc-pl031 %llx.pl031: registered as rtc0\n", (unsigned long long)phys);
	secs = readl(base + RTC_DR);
	do_settimeofday_ns((u64)secs * NSEC_PER_SEC);
	days_to_date(secs / 86400, &year, &month, &day);
	pr_info("rtc-pl031 %llx.pl031: setting system clock to %04ld-%02d-%02dT%02u:%02u:%02u UTC (%u)\n",
		(unsigned long long)phys, year, month, day, secs % 86400 / 3600, secs % 3600 / 60,
		secs % 60, secs);
}
