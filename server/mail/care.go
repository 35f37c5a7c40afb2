package mail

// Mails of customer care and self-service (issue 17).
const (
	KindSupportBlockEnded       Kind = "support_block_ended"       // Reason, Link optional (reset)
	KindSupportConfirmationSent Kind = "support_confirmation_sent" // Reason
	KindSupportSessionsEnded    Kind = "support_sessions_ended"    // Reason, Link optional (reset)
	KindSupportResetSent        Kind = "support_reset_sent"        // Reason
	KindSecurityQuestionCode    Kind = "security_question_code"    // Code (10 min)
	KindSecurityQuestionChanged Kind = "security_question_changed" // Link optional (reset)
	KindSecurityQuestionLocked  Kind = "security_question_locked"  // Until, Link optional (Security page)
	KindExportCode              Kind = "export_code"               // Code (10 min)
	KindDataExported            Kind = "data_exported"             // When, Device (may be empty), Link optional (reset)
	KindAccountDeactivated      Kind = "account_deactivated"       // Until (the deletion), Link (undo, 7 days)
	KindAccountRestored         Kind = "account_restored"          // Link optional (log in)
)

// careKinds are the kinds above, in Kinds' order.
var careKinds = []Kind{
	KindSupportBlockEnded, KindSupportConfirmationSent, KindSupportSessionsEnded, KindSupportResetSent,
	KindSecurityQuestionCode, KindSecurityQuestionChanged, KindSecurityQuestionLocked,
	KindExportCode, KindDataExported, KindAccountDeactivated, KindAccountRestored,
}

func init() {
	for k, spec := range map[Kind]kindSpec{
		KindSupportBlockEnded:       {ChannelEmail, []string{"Reason"}, 0},
		KindSupportConfirmationSent: {ChannelEmail, []string{"Reason"}, 0},
		KindSupportSessionsEnded:    {ChannelEmail, []string{"Reason"}, 0},
		KindSupportResetSent:        {ChannelEmail, []string{"Reason"}, 0},
		KindSecurityQuestionCode:    {ChannelEmail, []string{"Code"}, 10},
		KindSecurityQuestionChanged: {ChannelEmail, nil, 0},
		KindSecurityQuestionLocked:  {ChannelEmail, []string{"Until"}, 0},
		KindExportCode:              {ChannelEmail, []string{"Code"}, 10},
		KindDataExported:            {ChannelEmail, []string{"When"}, 0},
		KindAccountDeactivated:      {ChannelEmail, []string{"Until", "Link"}, 0},
		KindAccountRestored:         {ChannelEmail, nil, 0},
	} {
		specs[k] = spec
	}
	for k, l := range careLettersEN {
		english.letters[k] = l
	}
	for k, l := range careLettersDE {
		german.letters[k] = l
	}
}
