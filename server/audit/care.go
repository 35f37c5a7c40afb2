package audit

// Security events of customer care and self-service. Support's actions are
// named so that the customer reads what support did ("Support ended the
// temporary block").
const (
	EventSupportBlockEnded       = "support_block_ended"
	EventSupportConfirmationSent = "support_confirmation_sent"
	EventSupportSessionsEnded    = "support_sessions_ended"
	EventSupportResetSent        = "support_reset_sent"
	EventSupportQuestionMatched  = "support_question_matched"
	EventSupportQuestionMissed   = "support_question_missed"
	EventSecurityQuestionSet     = "security_question_set"
	EventSecurityQuestionLocked  = "security_question_locked"
	EventDataExported            = "data_exported"
	EventPictureChanged          = "picture_changed"
	EventPictureRemoved          = "picture_removed"
	EventTermsAccepted           = "terms_accepted"
	EventDeletionUndone          = "deletion_undone"
)
