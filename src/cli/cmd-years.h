/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The commands over several years or organs: new-year, compare, aggregate.
 */
#pragma once

int cmd_new_year  (int argc, char **argv);
int cmd_compare   (int argc, char **argv);
int cmd_aggregate (int argc, char **argv);
