/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "nb-finding.h"

NbFinding *
nb_finding_new (const char *rule, NbSeverity severity, int section)
{
  NbFinding *finding;

  g_return_val_if_fail (rule != NULL, NULL);

  finding = g_new0 (NbFinding, 1);
  finding->rule = g_strdup (rule);
  finding->severity = severity;
  finding->section = section;
  finding->cells = g_array_new (FALSE, FALSE, sizeof (guint));
  return finding;
}

void
nb_finding_add_cell (NbFinding *finding, guint cell)
{
  g_return_if_fail (finding != NULL);
  g_array_append_val (finding->cells, cell);
}

NbFinding *
nb_finding_copy (const NbFinding *finding)
{
  NbFinding *copy;

  g_return_val_if_fail (finding != NULL, NULL);

  copy = nb_finding_new (finding->rule, finding->severity, finding->section);
  g_array_append_vals (copy->cells, finding->cells->data, finding->cells->len);
  copy->message = g_strdup (finding->message);
  copy->expected = g_strdup (finding->expected);
  copy->actual = g_strdup (finding->actual);
  copy->key = g_strdup (finding->key);
  return copy;
}

void
nb_finding_free (NbFinding *finding)
{
  if (finding == NULL)
    return;
  g_free (finding->rule);
  g_array_unref (finding->cells);
  g_free (finding->message);
  g_free (finding->expected);
  g_free (finding->actual);
  g_free (finding->key);
  g_free (finding);
}

/* The JSON spelling of FORMAT.md: "error" / "warning". */
const char *
nb_severity_to_string (NbSeverity severity)
{
  return severity == NB_SEVERITY_ERROR ? "error" : "warning";
}

guint
nb_findings_count (GPtrArray *findings, NbSeverity severity)
{
  guint n = 0;

  g_return_val_if_fail (findings != NULL, 0);
  for (guint i = 0; i < findings->len; i++)
    if (((NbFinding *) g_ptr_array_index (findings, i))->severity == severity)
      n++;
  return n;
}

/* An acknowledgement answers a warning ("yes, on purpose"); an error
 * stays open until the figures are right. */
guint
nb_findings_count_open (GPtrArray *findings, GHashTable *acks)
{
  guint n = 0;

  g_return_val_if_fail (findings != NULL, 0);

  for (guint i = 0; i < findings->len; i++)
    {
      NbFinding *finding = g_ptr_array_index (findings, i);

      if (finding->severity == NB_SEVERITY_ERROR || acks == NULL ||
          finding->key == NULL || !g_hash_table_contains (acks, finding->key))
        n++;
    }
  return n;
}
