/**
 * @file levande/c/workspace.h
 * @brief C API of the workspace: open a SQLite workspace, write batches,
 *        import/export JSON and CSV, read entities and log columns, and the
 *        data-protection calls.
 *
 * Entities cross this boundary as JSON objects (the same form as in the
 * workspace document, see docs/workspace.md), so HR systems in any language
 * can write them without a struct per kind and the ABI stays stable when a
 * field is added. High-volume logs are read as columns without copying.
 */
#ifndef LEVANDE_C_WORKSPACE_H
#define LEVANDE_C_WORKSPACE_H

#include "levande/c/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief A workspace. Create with levande_workspace_create() or _open(). */
typedef struct levande_workspace levande_workspace;

/** @brief Kinds of entities; the values equal `levande::Kind`. */
enum levande_kind {
  LEVANDE_KIND_TEAM = 0,              /**< Teams. */
  LEVANDE_KIND_PERSON = 1,            /**< People. */
  LEVANDE_KIND_TRAINING = 2,          /**< Trainings. */
  LEVANDE_KIND_PARTICIPATION = 3,     /**< Participations. */
  LEVANDE_KIND_ACTION_PLAN = 4,       /**< Action plans. */
  LEVANDE_KIND_TASK = 5,              /**< Tasks. */
  LEVANDE_KIND_GOAL = 6,              /**< Goals. */
  LEVANDE_KIND_MEASUREMENT = 7,       /**< Measurements (log). */
  LEVANDE_KIND_CHECK_IN = 8,          /**< Check-ins (log). */
  LEVANDE_KIND_ASSIGNMENT = 9,        /**< On-the-job assignments. */
  LEVANDE_KIND_AMBASSADOR = 10,       /**< Ambassadors. */
  LEVANDE_KIND_PEER_GROUP = 11,       /**< Peer groups. */
  LEVANDE_KIND_PEER_SESSION = 12,     /**< Peer sessions. */
  LEVANDE_KIND_FEEDBACK_SESSION = 13, /**< Feedback sessions. */
  LEVANDE_KIND_RESPONSE = 14,         /**< Feedback responses (log). */
  LEVANDE_KIND_SUCCESS = 15,          /**< Successes. */
  LEVANDE_KIND_COMPETENCE_PLAN = 16,  /**< Competence plans. */
  LEVANDE_KIND_INITIATIVE = 17,       /**< Competence-plan initiatives. */
  LEVANDE_KIND_LEARNING_SLOT = 18,    /**< Learning slots. */
  LEVANDE_KIND_ACTIVITY = 19,         /**< Learning activities (log). */
  LEVANDE_KIND_POLICY = 20,           /**< Follow-up policies. */
  LEVANDE_KIND_ABSENCE = 21,          /**< Absences of people. */
  LEVANDE_KIND_COUNT = 22             /**< Number of kinds. */
};

/** @brief Scopes of levande_workspace_export_json(). */
enum levande_scope {
  LEVANDE_SCOPE_ALL = 0,      /**< The whole workspace. */
  LEVANDE_SCOPE_TRAINING = 1, /**< One training and everything about it. */
  LEVANDE_SCOPE_TEAM = 2      /**< One team with its sub-teams and people. */
};

/** @brief Modes of levande_workspace_erase_person(). */
enum levande_erasure {
  LEVANDE_ERASE_REMOVE = 0,      /**< Delete the person and what only concerns them. */
  LEVANDE_ERASE_PSEUDONYMISE = 1 /**< Replace the identity, keep records for aggregates. */
};

/** @brief The plural name of a kind ("check_ins"), or "?" for an unknown value. Static storage. */
LEVANDE_API const char *levande_kind_name(int32_t kind);

/** @brief The kind named @p name (plural or singular). LEVANDE_ERR_INVALID_ARGUMENT if unknown. */
LEVANDE_API levande_status levande_kind_from_name(int32_t *out, const char *name,
                                                  levande_error **out_err);

/**
 * @brief Checks a workspace file that may be damaged (edited outside
 *        levande), listing every problem; with @p repair writes back what
 *        can be kept (see levande::check_workspace() for the rules).
 * @param out receives `{"records":40,"kept":38,"backup":"","problems":[{"code":-13,
 *        "field":"people[e102].team","value":"ghost","message":...,"action":"cleared"}]}`;
 *        free with levande_free()
 * @param repair non-zero to repair (the damaged file is moved to `<path>.damaged`)
 * @return LEVANDE_OK whether or not problems were found; LEVANDE_ERR_IO when
 *         the file cannot be opened at all.
 */
LEVANDE_API levande_status levande_workspace_check(char **out, const char *path, int32_t repair,
                                                   levande_error **out_err);

/** @brief An empty in-memory workspace (no database). Destroy with levande_workspace_destroy(). */
LEVANDE_API levande_status levande_workspace_create(levande_workspace **out,
                                                    levande_error **out_err);

/**
 * @brief Opens or creates a SQLite workspace (":memory:" for a private
 *        in-memory database) and loads it.
 * @param read_only non-zero to open an existing file for reading only
 * @return LEVANDE_ERR_IO for unreadable or foreign files,
 *         LEVANDE_ERR_UNSUPPORTED for a newer schema version.
 */
LEVANDE_API levande_status levande_workspace_open(levande_workspace **out, const char *path,
                                                  int32_t read_only, levande_error **out_err);

/**
 * @brief One of the workspace's settings (docs/i18n.md): "language" or
 *        "currency". @p out points into the workspace and stays valid until
 *        its next write.
 * @return #LEVANDE_ERR_INVALID_ARGUMENT naming `name` for another name.
 */
LEVANDE_API levande_status levande_workspace_setting(const char **out, const levande_workspace *ws,
                                                     const char *name, levande_error **out_err);

/**
 * @brief Changes one setting ("language": en, sv, …; "currency": an ISO
 *        4217 code), in one transaction.
 * @return #LEVANDE_ERR_INVALID_ARGUMENT naming `settings.language` or
 *         `settings.currency`; the refusals of a batch (read-only, another writer).
 */
LEVANDE_API levande_status levande_workspace_set_setting(levande_workspace *ws, const char *name,
                                                         const char *value,
                                                         levande_error **out_err);

/** @brief Closes and frees a workspace; NULL-safe; sets `*ws` to NULL. */
LEVANDE_API void levande_workspace_destroy(levande_workspace **ws);

/**
 * @brief The error of the last call that changed this workspace (apply,
 *        import, append, save, reload, erase), or NULL when it succeeded.
 *        Owned by the workspace, valid until its next changing call. Calls
 *        that only read do not touch it, so several threads may read one
 *        workspace at once; changing calls need exclusive access.
 */
LEVANDE_API const levande_error *levande_workspace_last_error(const levande_workspace *ws);

/** @brief Writes everything into a new database file and attaches to it. */
LEVANDE_API levande_status levande_workspace_save_as(levande_workspace *ws, const char *path,
                                                     levande_error **out_err);

/** @brief Re-reads the database (another process may have written). */
LEVANDE_API levande_status levande_workspace_reload(levande_workspace *ws, levande_error **out_err);

/**
 * @brief Applies a batch given as a JSON array of operations, all or nothing:
 *        `[{"op":"add","kind":"people","value":{...}},
 * {"op":"remove","kind":"teams","id":"t1","cascade":true}]`.
 * @return the error of the first failing operation; nothing is changed then.
 */
LEVANDE_API levande_status levande_workspace_apply_json(levande_workspace *ws,
                                                        const char *operations,
                                                        levande_error **out_err);

/** @brief Adds every entity of a workspace JSON document (one batch). */
LEVANDE_API levande_status levande_workspace_import_json(levande_workspace *ws,
                                                         const char *document,
                                                         levande_error **out_err);

/**
 * @brief The workspace or a part as a JSON document.
 * @param out      receives a NUL-terminated UTF-8 string; free with levande_free()
 * @param scope    a levande_scope value
 * @param scope_id the training or team id (ignored for LEVANDE_SCOPE_ALL)
 */
LEVANDE_API levande_status levande_workspace_export_json(char **out, const levande_workspace *ws,
                                                         int32_t scope, const char *scope_id,
                                                         levande_error **out_err);

/** @brief How levande_workspace_import_csv() reads. Start from #LEVANDE_CSV_OPTIONS_INIT. */
typedef struct levande_csv_options {
  size_t struct_size;              /**< sizeof(levande_csv_options); set by the _INIT macro. */
  const char *source;              /**< File name for messages; NULL means "<csv>". */
  int32_t delimiter;               /**< ',', ';' or '\\t'. */
  int32_t skip_bad_rows;           /**< Non-zero: import good rows, report bad ones. */
  int32_t ignore_unknown_columns;  /**< Non-zero: skip columns that match no field. */
  const char *const *mapping_from; /**< CSV headers to rename (mapping_count entries). */
  const char *const *mapping_to;   /**< The field each of mapping_from maps to. */
  size_t mapping_count;            /**< Entries in mapping_from / mapping_to. */
  /** How numbers are written: "sv" reads 8,4 and 8.4, "en" 8.4 only; NULL
   *  means the workspace's language. Added after 0.1 (a 0.1 caller gets NULL). */
  const char *language;
} levande_csv_options;

/** @brief Default CSV options: comma, strict, no mapping, the workspace's language. */
#define LEVANDE_CSV_OPTIONS_INIT \
  { sizeof(levande_csv_options), NULL, ',', 0, 0, NULL, NULL, 0, NULL }

/**
 * @brief Fills @p out with this version's defaults (what #LEVANDE_CSV_OPTIONS_INIT gives),
 *        for callers that cannot use the macro (other languages' FFI).
 * @param struct_size `sizeof *out` as the caller was built: a struct from
 *        an earlier levande is filled as far as it goes.
 * @return #LEVANDE_ERR_MISUSE for NULL or a size that cannot hold
 *         `struct_size`; #LEVANDE_ERR_UNSUPPORTED for a struct larger than
 *         this version's (the caller was built against a newer levande).
 */
LEVANDE_API levande_status levande_csv_options_init(levande_csv_options *out, size_t struct_size);

/**
 * @brief Imports entities of @p kind from CSV text (header row first).
 * @param out_imported receives the number of rows imported (may be NULL)
 * @param out_skipped  receives a JSON array of skipped rows
 *                     (`[{"row":3,"field":"...","value":"...","message":"..."}]`;
 *                     free with levande_free()); may be NULL
 * @param options      NULL for the defaults
 */
LEVANDE_API levande_status levande_workspace_import_csv(size_t *out_imported, char **out_skipped,
                                                        levande_workspace *ws, int32_t kind,
                                                        const char *text,
                                                        const levande_csv_options *options,
                                                        levande_error **out_err);

/** @brief Number of entities of a kind. */
LEVANDE_API levande_status levande_workspace_count(size_t *out, const levande_workspace *ws,
                                                   int32_t kind, levande_error **out_err);

/**
 * @brief One entity as a JSON object (free with levande_free()).
 * @param id     the id, or the first key part for log kinds (plan, session, goal, person)
 * @param second the second key part for log kinds (a date or a person id); NULL otherwise
 * @return LEVANDE_ERR_NOT_FOUND when there is no such entity.
 */
LEVANDE_API levande_status levande_workspace_get_json(char **out, const levande_workspace *ws,
                                                      int32_t kind, const char *id,
                                                      const char *second, levande_error **out_err);

/** @brief The entity at a dense index as a JSON object (free with levande_free()). */
LEVANDE_API levande_status levande_workspace_at_json(char **out, const levande_workspace *ws,
                                                     int32_t kind, size_t index,
                                                     levande_error **out_err);

/** @brief Dense index of an id (catalogue kinds). LEVANDE_ERR_NOT_FOUND when unknown. */
LEVANDE_API levande_status levande_workspace_index_of(uint32_t *out, const levande_workspace *ws,
                                                      int32_t kind, const char *id,
                                                      levande_error **out_err);

/** @brief The id at a dense index; the string is owned by the workspace until its next write. */
LEVANDE_API levande_status levande_workspace_id_at(const char **out, const levande_workspace *ws,
                                                   int32_t kind, uint32_t index,
                                                   levande_error **out_err);

/** @brief The measurement log as columns; pointers owned by the workspace, valid until its next
 * write. */
typedef struct levande_measurement_columns {
  size_t size;          /**< Rows. */
  const uint32_t *goal; /**< Dense goal index. */
  const int32_t *date;  /**< Days since 1970-01-01. */
  const double *value;  /**< Value. */
} levande_measurement_columns;

/** @brief The check-in log as columns; owned by the workspace, valid until its next write. */
typedef struct levande_check_in_columns {
  size_t size;              /**< Rows. */
  const uint32_t *plan;     /**< Dense action-plan index. */
  const int32_t *scheduled; /**< Scheduled day. */
  const int32_t *held;      /**< Day held, or #LEVANDE_NOT_HELD. */
  const uint8_t *status;    /**< 0 scheduled, 1 held, 2 missed. */
  const uint8_t *outcome;   /**< 0 none, 1 applied, 2 partly, 3 not applied. */
} levande_check_in_columns;

/** @brief The `held` value of a check-in that was not held (the earliest supported day). */
#define LEVANDE_NOT_HELD (-208188)

/** @brief The response log as columns; owned by the workspace, valid until its next write. */
typedef struct levande_response_columns {
  size_t size;                  /**< Rows. */
  const uint32_t *session;      /**< Dense feedback-session index. */
  const uint32_t *person;       /**< Dense person index. */
  const uint8_t *impact;        /**< 1–5. */
  const uint8_t *needs_support; /**< 1 when support was asked for. */
} levande_response_columns;

/** @brief The activity log as columns; owned by the workspace, valid until its next write. */
typedef struct levande_activity_columns {
  size_t size;                   /**< Rows. */
  const uint32_t *person;        /**< Dense person index. */
  const int32_t *date;           /**< Day. */
  const double *hours;           /**< Hours. */
  const uint8_t *kind;           /**< 0 formal, 1 social, 2 on the job. */
  const uint8_t *self_initiated; /**< 1 when self-initiated. */
} levande_activity_columns;

/** @brief Columns of the measurement log. */
LEVANDE_API levande_status levande_workspace_measurements(levande_measurement_columns *out,
                                                          const levande_workspace *ws,
                                                          levande_error **out_err);
/** @brief Columns of the check-in log. */
LEVANDE_API levande_status levande_workspace_check_ins(levande_check_in_columns *out,
                                                       const levande_workspace *ws,
                                                       levande_error **out_err);
/** @brief Columns of the response log. */
LEVANDE_API levande_status levande_workspace_responses(levande_response_columns *out,
                                                       const levande_workspace *ws,
                                                       levande_error **out_err);
/** @brief Columns of the activity log. */
LEVANDE_API levande_status levande_workspace_activities(levande_activity_columns *out,
                                                        const levande_workspace *ws,
                                                        levande_error **out_err);

/**
 * @brief Appends @p n measurements given as columns (goal as dense index,
 *        see levande_workspace_index_of()), validated and stored all or nothing.
 */
LEVANDE_API levande_status levande_workspace_append_measurements(levande_workspace *ws,
                                                                 const uint32_t *goal,
                                                                 const int32_t *date,
                                                                 const double *value, size_t n,
                                                                 levande_error **out_err);

/**
 * @brief Appends @p n check-ins given as columns; `held` is read only where
 *        status is 1 (held). Keys (plan, scheduled) must be new.
 */
LEVANDE_API levande_status levande_workspace_append_check_ins(
    levande_workspace *ws, const uint32_t *plan, const int32_t *scheduled, const uint8_t *status,
    const int32_t *held, const uint8_t *outcome, size_t n, levande_error **out_err);

/** @brief Appends @p n feedback responses (impact 1–5) given as columns. */
LEVANDE_API levande_status levande_workspace_append_responses(levande_workspace *ws,
                                                              const uint32_t *session,
                                                              const uint32_t *person,
                                                              const uint8_t *impact, size_t n,
                                                              levande_error **out_err);

/** @brief Appends @p n learning activities given as columns (kind 0 formal, 1 social, 2 on the
 * job). */
LEVANDE_API levande_status levande_workspace_append_activities(
    levande_workspace *ws, const uint32_t *person, const int32_t *date, const double *hours,
    const uint8_t *kind, const uint8_t *self_initiated, size_t n, levande_error **out_err);

/**
 * @brief A deterministic synthetic organisation of @p people people with a
 *        year of history, in memory (see levande::synthetic_organisation()).
 */
LEVANDE_API levande_status levande_workspace_synthetic(levande_workspace **out, size_t people,
                                                       uint64_t seed, levande_error **out_err);

/** @brief Everything about one person as JSON (GDPR access); free with levande_free(). */
LEVANDE_API levande_status levande_workspace_export_person_json(char **out,
                                                                const levande_workspace *ws,
                                                                const char *person_id,
                                                                levande_error **out_err);

/**
 * @brief Erases or pseudonymises a person and scrubs the database file.
 * @param out_pseudonym receives the pseudonym written to the audit log (free
 *                      with levande_free()); may be NULL
 * @param mode          a levande_erasure value
 * @param date          day of the erasure, recorded in the audit log
 * @return LEVANDE_ERR_SCRUB_PENDING when the erasure is committed and audited
 *         but another connection kept the file from being scrubbed
 *         (*out_pseudonym is set; call levande_workspace_scrub() later); any
 *         other error means nothing was erased.
 */
LEVANDE_API levande_status levande_workspace_erase_person(
    char **out_pseudonym, levande_workspace *ws, const char *person_id, int32_t mode, int32_t date,
    const char *actor, const char *reason, levande_error **out_err);

/**
 * @brief Leaves no copy of deleted content in the database files
 *        (checkpoint, VACUUM, truncate the WAL); see levande::Workspace::scrub().
 * @return LEVANDE_ERR_IO while another connection reads the file.
 */
LEVANDE_API levande_status levande_workspace_scrub(levande_workspace *ws, levande_error **out_err);

/** @brief The JSON Schema of the workspace document; free with levande_free(). */
LEVANDE_API levande_status levande_workspace_json_schema(char **out, levande_error **out_err);

#ifdef __cplusplus
}
#endif

#endif /* LEVANDE_C_WORKSPACE_H */
