package mail

// careLettersEN are the English letters of customer care and self-service.
var careLettersEN = map[Kind]letter{
	KindSupportBlockEnded: {
		Subject: "Support ended the temporary block of your {{.Brand}} ID",
		Body: []block{
			p("Our customer support has just ended the temporary block of your {{.Brand}} ID after too many wrong passwords. You can log in again."),
			p("The reason support noted: {{.Reason}}"),
		},
		Ignore: []block{
			p("You didn't contact support? Then someone may have pretended to be you. Set a new password right away:"),
			link("Reset password", "{{.Link}}"),
		},
	},
	KindSupportConfirmationSent: {
		Subject: "Support sent your {{.Brand}} ID confirmation link again",
		Body: []block{
			p("Our customer support has just sent you a new link to confirm the e-mail address of your {{.Brand}} ID. You'll find it in a separate e-mail."),
			p("The reason support noted: {{.Reason}}"),
		},
		Ignore: []block{
			p("You didn't contact support? Then simply ignore both e-mails: without confirmation, nothing happens."),
		},
	},
	KindSupportSessionsEnded: {
		Subject: "Support logged your {{.Brand}} ID out on all devices",
		Body: []block{
			p("Our customer support has just ended every session of your {{.Brand}} ID: you are logged out on all devices and need to log in again."),
			p("The reason support noted: {{.Reason}}"),
		},
		Ignore: []block{
			p("You didn't contact support? To be safe, set a new password:"),
			link("Reset password", "{{.Link}}"),
		},
	},
	KindSupportResetSent: {
		Subject: "Support sent you a link to set a new password",
		Body: []block{
			p("Our customer support has just sent you a link to set a new password for your {{.Brand}} ID. You'll find it in a separate e-mail; support never sees or sets your password."),
			p("The reason support noted: {{.Reason}}"),
		},
		Ignore: []block{
			p("You didn't contact support? Simply ignore the link: your password stays as it is."),
		},
	},
	KindSecurityQuestionCode: {
		Subject: "Your code to change your security question",
		Body: []block{
			p("Here is your code to change the security question of your {{.Brand}} ID:"),
			code(),
			p("The code is valid for {{.Valid}} and works once. Never share it: {{.Brand}} will never ask you for it."),
		},
		Ignore: []block{
			p("Didn't ask for it? Then someone knows your password: set a new one right away."),
		},
	},
	KindSecurityQuestionChanged: {
		Subject: "The security question of your {{.Brand}} ID was changed",
		Body: []block{
			p("The security question of your {{.Brand}} ID was just changed. Our customer support asks it when you call us; it never replaces your password."),
		},
		Ignore: []block{
			p("Wasn't you? Then someone knows your password. Set a new one right away:"),
			link("Reset password", "{{.Link}}"),
		},
	},
	KindSecurityQuestionLocked: {
		Subject: "Your security question is locked after three wrong answers",
		Body: []block{
			p("A caller gave our customer support a wrong answer to the security question of your {{.Brand}} ID three times in a row. To protect you, support cannot check it until {{.Until}}."),
			p("Was that you? Then nothing else needs doing. You can see every support check on your Security page:"),
			link("Open Security", "{{.Link}}"),
		},
		Ignore: []block{
			p("If it wasn't you, someone may be trying to pass as you on the phone. Support never resets a password on the strength of the answer, so your account is safe; consider choosing a new question and answer."),
		},
	},
	KindExportCode: {
		Subject: "Your code to download your data",
		Body: []block{
			p("Here is your code to download the data of your {{.Brand}} ID:"),
			code(),
			p("The code is valid for {{.Valid}} and works once. Never share it: {{.Brand}} will never ask you for it."),
		},
		Ignore: []block{
			p("Didn't ask for it? Then someone knows your password: set a new one right away."),
		},
	},
	KindDataExported: {
		Subject: "Your {{.Brand}} ID data was downloaded",
		Body: []block{
			p("The data of your {{.Brand}} ID was downloaded on {{.When}}{{if .Device}} with {{.Device}}{{end}}. The file holds your personal data, so keep it safe."),
		},
		Ignore: []block{
			p("Wasn't you? Then someone knows your password and a second factor. Set a new password right away:"),
			link("Reset password", "{{.Link}}"),
		},
	},
	KindAccountDeactivated: {
		Subject: "Your {{.Brand}} ID will be deleted on {{.Until}}",
		Body: []block{
			p("As requested, we have deactivated your {{.Brand}} ID and logged you out on all devices. Nobody can log in with it any more."),
			p("On {{.Until}} we delete it for good, with your personal data. Until then you can change your mind and keep it:"),
			link("Keep my {{.Brand}} ID", "{{.Link}}"),
			p("The link works until then. After the deletion you are welcome to register again with this address."),
		},
		Ignore: []block{
			p("Didn't delete it yourself? Then someone else knew your password: use the link above to keep your ID, then set a new password."),
		},
	},
	KindAccountRestored: {
		Subject: "Your {{.Brand}} ID is active again",
		Body: []block{
			p("Welcome back: your {{.Brand}} ID is no longer going to be deleted, and you can log in as before."),
			link("Log in", "{{.Link}}"),
		},
		Ignore: []block{
			p("Didn't do this yourself? Then someone had this e-mail. Set a new password and check your e-mail account."),
		},
	},
}
