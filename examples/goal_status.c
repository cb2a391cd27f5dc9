/* Prints the goals of a workspace that are at risk or off track as of a
 * date, through the C API (as an HR system would):
 *
 *   goal_status demo/demo.levande 2026-11-30
 */
#include <levande.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
  levande_workspace *ws = NULL;
  levande_table *goals = NULL;
  levande_error *err = NULL;
  int32_t as_of = 0;
  const int32_t *goal = NULL, *status = NULL;
  const double *progress = NULL;
  size_t rows = 0, words = 0, shown = 0, i;
  if (argc != 3) {
    fprintf(stderr, "usage: goal_status WORKSPACE YYYY-MM-DD\n");
    return 2;
  }
  if (levande_date_parse(&as_of, argv[2], &err) != LEVANDE_OK ||
      levande_workspace_open(&ws, argv[1], 1, &err) != LEVANDE_OK ||
      levande_metrics_goal_status(&goals, ws, as_of, 0.8, &err) != LEVANDE_OK ||
      levande_table_rows(&rows, goals, &err) != LEVANDE_OK ||
      levande_table_codes(&goal, &words, goals, "goal", &err) != LEVANDE_OK ||
      levande_table_codes(&status, &words, goals, "status", &err) != LEVANDE_OK ||
      levande_table_float64(&progress, goals, "progress", &err) != LEVANDE_OK) {
    fprintf(stderr, "goal_status: %s\n", levande_error_message(err));
    levande_error_destroy(&err);
    levande_table_destroy(&goals);
    levande_workspace_destroy(&ws);
    return 1;
  }
  for (i = 0; i < rows; ++i) {
    const char *id = NULL;
    if (status[i] != LEVANDE_GOAL_AT_RISK && status[i] != LEVANDE_GOAL_OFF_TRACK) continue;
    if (levande_table_word(&id, goals, "goal", goal[i], NULL) != LEVANDE_OK) continue;
    printf("%-28s %-9s %5.0f %%\n", id, status[i] == LEVANDE_GOAL_AT_RISK ? "at risk" : "off track",
           progress[i] * 100);
    ++shown;
  }
  printf("%zu of %zu goals need support\n", shown, rows);
  levande_table_destroy(&goals);
  levande_workspace_destroy(&ws);
  return 0;
}
