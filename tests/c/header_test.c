/* levande.h must be valid C99 under -pedantic -Werror, and usable from C.
 * This program schedules a check-in two business days after a Swedish
 * training and checks the answer worked out by hand. */
#include <stdio.h>
#include <string.h>

#include "levande.h"

static int failures = 0;
static int passes = 0;

#define CHECK(cond)                                                      \
  do {                                                                   \
    if (cond) {                                                          \
      ++passes;                                                          \
    } else {                                                             \
      ++failures;                                                        \
      fprintf(stderr, "%s:%d: failed: %s\n", __FILE__, __LINE__, #cond); \
    }                                                                    \
  } while (0)

int main(void) {
  levande_calendar *se = NULL;
  levande_error *err = NULL;
  int32_t training = 0, due = 0, is_open = -1;
  char text[LEVANDE_DATE_STRING_SIZE];

  CHECK(strcmp(levande_version(), LEVANDE_VERSION_STRING) == 0);
  CHECK(levande_calendar_create_sweden(&se, 1, &err) == LEVANDE_OK);
  CHECK(levande_date_parse(&training, "2026-04-01", &err) == LEVANDE_OK);
  /* Wednesday 1 April 2026 + 2 business days: Thursday 2, then Good Friday,
   * the weekend and Easter Monday are skipped: Tuesday 7 April. */
  CHECK(levande_calendar_add_business_days(&due, se, training, 2, &err) == LEVANDE_OK);
  CHECK(levande_date_format(text, sizeof text, due, &err) == LEVANDE_OK);
  CHECK(strcmp(text, "2026-04-07") == 0);
  CHECK(levande_calendar_is_business_day(&is_open, se, due, &err) == LEVANDE_OK);
  CHECK(is_open == 1);

  CHECK(levande_date_parse(&training, "2026-02-30", &err) == LEVANDE_ERR_INVALID_DATE);
  CHECK(err != NULL && levande_error_code(err) == LEVANDE_ERR_INVALID_DATE);
  CHECK(strstr(levande_error_message(err), "2026-02-30") != NULL);
  levande_error_destroy(&err);
  CHECK(err == NULL);

  {
    /* The option-struct initialisers must be plain C99 too. */
    levande_ical_event event = LEVANDE_ICAL_EVENT_INIT;
    levande_ical_todo todo = LEVANDE_ICAL_TODO_INIT;
    levande_ical_writer *writer = NULL;
    char *ics = NULL;
    size_t length = 0;
    event.uid = "checkin@example.org";
    event.summary = "Check-in";
    event.date = due;
    todo.uid = "task@example.org";
    todo.summary = "Action plan";
    CHECK(levande_ical_writer_create(&writer, due, NULL, &err) == LEVANDE_OK);
    CHECK(levande_ical_writer_add_event(writer, &event, &err) == LEVANDE_OK);
    CHECK(levande_ical_writer_add_todo(writer, &todo, &err) == LEVANDE_OK);
    CHECK(levande_ical_writer_write(&ics, &length, writer, &err) == LEVANDE_OK);
    CHECK(ics != NULL && strstr(ics, "DTSTART;VALUE=DATE:20260407\r\n") != NULL);
    levande_free(ics);
    levande_ical_writer_destroy(&writer);
  }

  {
    /* A workspace from C: a batch as JSON, the CSV options initialiser, columns. */
    levande_workspace *ws = NULL;
    levande_csv_options options = LEVANDE_CSV_OPTIONS_INIT;
    levande_measurement_columns m;
    size_t imported = 0;
    char *skipped = NULL;
    CHECK(levande_workspace_open(&ws, ":memory:", 0, &err) == LEVANDE_OK);
    CHECK(levande_workspace_apply_json(
              ws,
              "[{\"op\":\"add\",\"kind\":\"teams\",\"value\":{\"id\":\"ops\",\"name\":\"Ops\"}},"
              "{\"op\":\"add\",\"kind\":\"action_plans\",\"value\":{\"id\":\"p\",\"title\":\"P\","
              "\"team\":\"ops\",\"created\":\"2026-03-13\",\"agreed_by\":\"2026-06-30\"}},"
              "{\"op\":\"add\",\"kind\":\"goals\",\"value\":{\"id\":\"g\",\"plan\":\"p\","
              "\"metric\":\"lead time\",\"baseline\":20,\"target\":17,\"direction\":\"decrease\","
              "\"deadline\":\"2026-06-12\"}}]",
              &err) == LEVANDE_OK);
    options.source = "kpi.csv";
    CHECK(levande_workspace_import_csv(&imported, &skipped, ws, LEVANDE_KIND_MEASUREMENT,
                                       "goal,date,value\ng,2026-04-01,19\n", &options,
                                       &err) == LEVANDE_OK);
    CHECK(imported == 1 && strcmp(skipped, "[]") == 0);
    levande_free(skipped);
    CHECK(levande_workspace_measurements(&m, ws, &err) == LEVANDE_OK);
    CHECK(m.size == 1 && m.goal[0] == 0 && m.value[0] == 19.0);
    CHECK(levande_workspace_apply_json(ws,
                                       "[{\"op\":\"remove\",\"kind\":\"teams\",\"id\":\"ops\"}]",
                                       NULL) == LEVANDE_ERR_CONSTRAINT);
    CHECK(levande_error_code(levande_workspace_last_error(ws)) == LEVANDE_ERR_CONSTRAINT);
    levande_workspace_destroy(&ws);
    CHECK(ws == NULL);
  }

  {
    /* Memory model and peer groups from C, with the C99 option initialiser. */
    levande_memory_model *model = NULL;
    levande_grouping_options grouping = LEVANDE_GROUPING_OPTIONS_INIT;
    const char *persons[] = {"a", "b", "c", "d"};
    const char *teams[] = {"x", "x", "y", "y"};
    const double experience[] = {1.0, 5.0, 1.0, 5.0};
    double stability = 0.0, difficulty = 0.0;
    char *groups = NULL;
    CHECK(levande_memory_model_create(&model, NULL, 0, &err) == LEVANDE_OK);
    CHECK(levande_memory_model_review(&stability, &difficulty, model, 0, 0.0, 0.0, 0.0,
                                      LEVANDE_RATING_GOOD, &err) == LEVANDE_OK);
    CHECK(stability == 2.3065);
    levande_memory_model_destroy(&model);
    grouping.group_size = 2;
    CHECK(levande_peer_groups_form(&groups, persons, teams, experience, 4, NULL, NULL, NULL, NULL,
                                   0, &grouping, &err) == LEVANDE_OK);
    CHECK(groups != NULL && strstr(groups, "[[\"a\",\"d\"],[\"b\",\"c\"]]") != NULL);
    levande_free(groups);
  }

  {
    /* The scheduler from C: the hand-worked Midsommar and Christmas case of
       tests/cpp/schedule_test.cpp, with Bo's vacation. */
    levande_workspace *ws = NULL;
    levande_schedule *schedule = NULL;
    levande_schedule_options options = LEVANDE_SCHEDULE_OPTIONS_INIT;
    levande_event_columns events;
    size_t records = 0, added = 0, removed = 0, series = 0;
    uint32_t *rows = NULL;
    size_t count = 0;
    char *json = NULL;
    char *ics = NULL;
    int32_t day = 0;
    CHECK(levande_workspace_create(&ws, &err) == LEVANDE_OK);
    CHECK(levande_workspace_apply_json(
              ws,
              "[{\"op\":\"add\",\"kind\":\"people\",\"value\":{\"id\":\"anna\",\"name\":\"Anna\","
              "\"calendar\":\"SE\"}},"
              "{\"op\":\"add\",\"kind\":\"people\",\"value\":{\"id\":\"bo\",\"name\":\"Bo\"}},"
              "{\"op\":\"add\",\"kind\":\"trainings\",\"value\":{\"id\":\"T\",\"title\":\"Cloud "
              "security\",\"kind\":\"security\",\"start\":\"2026-06-08\",\"end\":\"2026-06-10\"}},"
              "{\"op\":\"add\",\"kind\":\"participations\",\"value\":{\"person\":\"anna\","
              "\"training\":\"T\"}},"
              "{\"op\":\"add\",\"kind\":\"participations\",\"value\":{\"person\":\"bo\","
              "\"training\":\"T\"}},"
              "{\"op\":\"add\",\"kind\":\"policies\",\"value\":{\"id\":\"sec\",\"training_kind\":"
              "\"security\",\"check_in_rule\":\"FREQ=WEEKLY;BYDAY=FR\",\"check_in_weeks\":2,"
              "\"feedback_offsets_days\":[9,197]}},"
              "{\"op\":\"add\",\"kind\":\"absences\",\"value\":{\"id\":\"v\",\"person\":\"bo\","
              "\"first\":\"2026-07-13\",\"last\":\"2026-07-24\"}}]",
              &err) == LEVANDE_OK);
    CHECK(levande_date_parse(&options.as_of, "2026-06-01", &err) == LEVANDE_OK);
    CHECK(levande_date_parse(&options.until, "2026-12-31", &err) == LEVANDE_OK);
    CHECK(levande_schedule_generate(&schedule, ws, &options, &err) == LEVANDE_OK);
    CHECK(levande_schedule_events(&events, schedule, &err) == LEVANDE_OK);
    CHECK(events.count == 14);
    /* Row 2 is Anna's first check-in: Midsommarafton (19 June) -> Monday 22 June. */
    CHECK(levande_date_parse(&day, "2026-06-22", &err) == LEVANDE_OK);
    CHECK(events.date[2] == day && (events.flags[2] & 1) != 0);
    CHECK(levande_date_parse(&day, "2026-12-28", &err) == LEVANDE_OK);
    CHECK(events.date[13] == day); /* Julafton -> 28 December */
    CHECK(levande_schedule_series_count(&series, schedule, &err) == LEVANDE_OK && series > 0);
    CHECK(levande_schedule_series_json(&json, schedule, ws, events.series[2], &err) == LEVANDE_OK);
    CHECK(json != NULL && strstr(json, "\"kind\":\"check_in\"") != NULL);
    levande_free(json);
    CHECK(levande_schedule_agenda(&rows, &count, schedule, ws, LEVANDE_AGENDA_PERSON, "bo",
                                  options.as_of, options.until, &err) == LEVANDE_OK);
    CHECK(count == 7);
    levande_free(rows);
    CHECK(levande_schedule_to_ics(&ics, schedule, ws, LEVANDE_ICS_PERSON, "anna", options.as_of,
                                  NULL, &err) == LEVANDE_OK);
    CHECK(ics != NULL && strstr(ics, "EXDATE;VALUE=DATE:20260619,20260626") != NULL);
    levande_free(ics);
    levande_schedule_destroy(&schedule);
    CHECK(schedule == NULL);
    /* Running it again plans no changes. */
    CHECK(levande_schedule_plan(&schedule, ws, &options, &err) == LEVANDE_OK);
    CHECK(levande_schedule_change_counts(&records, &added, &removed, schedule, &err) == LEVANDE_OK);
    CHECK(records == 0 && added == 0 && removed == 0);
    levande_schedule_destroy(&schedule);
    options.until = options.as_of - 1;
    CHECK(levande_schedule_plan(&schedule, ws, &options, &err) == LEVANDE_ERR_INVALID_ARGUMENT);
    CHECK(err != NULL && strcmp(levande_error_field(err), "until") == 0);
    levande_error_destroy(&err);
    CHECK(levande_schedule_plan(&schedule, NULL, &options, &err) == LEVANDE_ERR_MISUSE);
    levande_error_destroy(&err);
    {
      /* Goal metrics from C: no goals here, an empty table. */
      levande_table *goals = NULL;
      size_t rows = 1;
      const double *progress = NULL;
      struct ArrowArrayStream stream;
      struct ArrowSchema schema;
      CHECK(levande_metrics_goal_status(&goals, ws, options.as_of, 0.8, &err) == LEVANDE_OK);
      CHECK(levande_table_rows(&rows, goals, &err) == LEVANDE_OK && rows == 0);
      CHECK(levande_table_float64(&progress, goals, "progress", &err) == LEVANDE_OK);
      CHECK(levande_table_to_arrow(&stream, goals, &err) == LEVANDE_OK);
      CHECK(stream.get_schema(&stream, &schema) == 0 && strcmp(schema.format, "+s") == 0);
      schema.release(&schema);
      stream.release(&stream);
      CHECK(strcmp(levande_goal_status_name(LEVANDE_GOAL_ON_TRACK), "on_track") == 0);
      levande_table_destroy(&goals);
      CHECK(goals == NULL);
      /* Everyone's check-in adherence per team, from C. */
      CHECK(levande_metrics_engagement(&goals, ws, options.as_of, LEVANDE_BY_TEAM, 3, &err) ==
            LEVANDE_OK);
      levande_table_destroy(&goals);
    }
    {
      /* Every table at once, walked by count and name; options from the
         runtime initialiser (for callers that cannot use the macro). */
      levande_metrics_pass_options po;
      levande_metrics_tables *tables = NULL;
      const levande_table *coverage = NULL;
      size_t i, present = 0;
      CHECK(levande_metrics_pass_options_init(&po, sizeof po) == LEVANDE_OK);
      CHECK(po.struct_size == sizeof po && po.min_respondents == 5);
      po.with_retention = 0;
      CHECK(levande_metrics_pass(&tables, ws, options.as_of, &po, &err) == LEVANDE_OK);
      for (i = 0; i < levande_metrics_tables_count(tables); ++i)
        present += levande_metrics_tables_at(tables, i) != NULL;
      CHECK(levande_metrics_tables_count(tables) == 15 && present == 14);
      CHECK(levande_metrics_tables_find(&coverage, tables, "coverage", &err) == LEVANDE_OK);
      CHECK(coverage != NULL);
      levande_metrics_tables_destroy(&tables);
      CHECK(tables == NULL);
    }
    {
      /* Celebrations from C: the options struct and macro compile as C. */
      levande_celebration_options co = LEVANDE_CELEBRATION_OPTIONS_INIT;
      levande_table *found = NULL;
      char *feed = NULL;
      co.streak = 4;
      CHECK(levande_celebrations_find(&found, ws, options.as_of, &co, &err) == LEVANDE_OK);
      levande_table_destroy(&found);
      CHECK(levande_celebration_feed(&feed, ws, options.as_of, options.as_of, NULL, 0,
                                     LEVANDE_FEED_MARKDOWN, &err) == LEVANDE_OK);
      CHECK(feed != NULL && feed[0] == '\0');
      levande_free(feed);
    }
    levande_workspace_destroy(&ws);
  }

  levande_calendar_destroy(&se);
  CHECK(se == NULL);
  printf("%d passed, %d failed\n", passes, failures);
  return failures == 0 ? 0 : 1;
}
