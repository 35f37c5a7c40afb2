package mail

import "fmt"

var english = language{
	code: "en",
	greet: func(name string) string {
		if name == "" {
			return "Hello,"
		}
		return "Hello " + name + ","
	},
	signoff:  func(brand string) string { return "The " + brand + " team" },
	fallback: "Button not working? Copy this link into your browser:",
	validity: func(minutes int) string {
		switch {
		case minutes == 60:
			return "1 hour"
		case minutes%60 == 0:
			return fmt.Sprintf("%d hours", minutes/60)
		case minutes == 1:
			return "1 minute"
		}
		return fmt.Sprintf("%d minutes", minutes)
	},
	letters: map[Kind]letter{
		KindConfirmEmail: {
			Subject: "Confirm your e-mail address for your {{.Brand}} ID",
			Body: []block{
				p("Welcome to {{.Brand}} ID! Please confirm your e-mail address to finish your registration:"),
				link("Confirm e-mail address", "{{.Link}}"),
				p("The link is valid for {{.Valid}}. Opened in the browser you registered with, it also logs you in; anywhere else you choose your password again on the page it opens."),
			},
			Ignore: []block{
				p("Didn't register? Then someone mistyped their address. Just ignore this e-mail: without confirmation, no account is activated."),
			},
		},
		KindAlreadyRegistered: {
			Subject: "Someone tried to register with your e-mail address",
			Body: []block{
				p("Someone just tried to create a new {{.Brand}} ID with this e-mail address. You already have one, so nothing was changed."),
				p("Was that you? Then simply log in:"),
				link("Log in", "{{.Link}}"),
				p("Forgot your password? Set a new one here:"),
				link("Reset password", "{{.ResetLink}}"),
			},
			Ignore: []block{
				p("If it wasn't you, there's nothing to do: your account is safe."),
			},
		},
		KindPasswordReset: {
			Subject: "Reset the password of your {{.Brand}} ID",
			Body: []block{
				p("We received a request to reset the password of your {{.Brand}} ID. Choose a new one here:"),
				link("Set new password", "{{.Link}}"),
				p("The link is valid for {{.Valid}} and works once. A new password logs you out on all devices."),
			},
			Ignore: []block{
				p("Didn't ask for this? Just ignore this e-mail: your password stays as it is."),
			},
		},
		KindBlocked: {
			Subject: "Your {{.Brand}} ID is temporarily blocked",
			Body: []block{
				p("A wrong password was entered for your {{.Brand}} ID several times in a row. To protect your account, logging in is blocked until {{.Until}}."),
				p("Was that you and you've forgotten your password? Set a new one right away; this also lifts the block:"),
				link("Reset password", "{{.Link}}"),
				p("The link is valid for {{.Valid}}."),
			},
			Ignore: []block{
				p("If it wasn't you, someone may be guessing your password. Your account is safe while it is blocked; to be sure, set a new, strong password with the link above."),
			},
		},
		KindLoginCode: {
			Subject: "Your login code for your {{.Brand}} ID",
			Body: []block{
				p("Here is your code to finish logging in to your {{.Brand}} ID:"),
				code(),
				p("The code is valid for {{.Valid}} and works once. Never share it: {{.Brand}} will never ask you for it."),
			},
			Ignore: []block{
				p("Didn't try to log in? Then someone knows your password. Please change it right away."),
			},
		},
		KindTwoFactorOnCode: {
			Subject: "Your code to activate two-factor authentication",
			Body: []block{
				p("You're activating two-factor authentication for your {{.Brand}} ID. Enter this activation code to finish:"),
				code(),
				p("The code is valid for {{.Valid}} and works once."),
			},
			Ignore: []block{
				p("Didn't ask for this? Then someone may know your password. Please change it right away."),
			},
		},
		KindTwoFactorOffCode: {
			Subject: "Your code to deactivate two-factor authentication",
			Body: []block{
				p("You're deactivating two-factor authentication for your {{.Brand}} ID. Enter this code to confirm:"),
				code(),
				p("The code is valid for {{.Valid}} and works once."),
			},
			Ignore: []block{
				p("Didn't ask for this? Don't enter the code anywhere, and change your password right away: someone may know it."),
			},
		},
		KindDeleteCode: {
			Subject: "Your code to delete your {{.Brand}} ID",
			Body: []block{
				p("You asked to delete your {{.Brand}} ID. Enter this code to confirm:"),
				code(),
				p("The code is valid for {{.Valid}} and works once. Deleting cannot be undone."),
			},
			Ignore: []block{
				p("Didn't ask for this? Don't enter the code anywhere, and change your password right away: someone may know it. Your account stays as it is."),
			},
		},
		KindEmailChangeCode: {
			Subject: "Your code to change your e-mail address",
			Body: []block{
				p("You're changing the e-mail address of your {{.Brand}} ID. Enter this code to continue:"),
				code(),
				p("The code is valid for {{.Valid}} and works once."),
			},
			Ignore: []block{
				p("Didn't ask for this? Don't enter the code anywhere, and change your password right away: someone may know it."),
			},
		},
		KindPasswordChangeCode: {
			Subject: "Your code to change your password",
			Body: []block{
				p("You're changing the password of your {{.Brand}} ID. Enter this code to continue:"),
				code(),
				p("The code is valid for {{.Valid}} and works once."),
			},
			Ignore: []block{
				p("Didn't ask for this? Don't enter the code anywhere, and change your password right away: someone may know it."),
			},
		},
		KindPhoneChangeCode: {
			Subject: "Your code to change your Phone ID",
			Body: []block{
				p("You're changing the Phone ID (mobile number) of your {{.Brand}} ID. Enter this code to continue:"),
				code(),
				p("The code is valid for {{.Valid}} and works once."),
			},
			Ignore: []block{
				p("Didn't ask for this? Don't enter the code anywhere, and change your password right away: someone may know it."),
			},
		},
		KindTwoFactorActivated: {
			Subject: "Two-factor authentication is now activated",
			Body: []block{
				p("Two-factor authentication is now activated for your {{.Brand}} ID. From now on, every login asks for a code that we send to this address."),
			},
			Ignore: []block{
				p("Wasn't you? Then someone knows your password. Please set a new one right away:"),
				link("Reset password", "{{.Link}}"),
			},
		},
		KindTwoFactorDeactivated: {
			Subject: "Two-factor authentication is now deactivated",
			Body: []block{
				p("Two-factor authentication was deactivated for your {{.Brand}} ID. Logging in now needs only your password. You can activate it again at any time under Account data."),
			},
			Ignore: []block{
				p("Wasn't you? Then someone may have access to your account. Please set a new password right away and activate two-factor authentication again:"),
				link("Reset password", "{{.Link}}"),
			},
		},
		KindPasswordChanged: {
			Subject: "The password of your {{.Brand}} ID was changed",
			Body: []block{
				p("The password of your {{.Brand}} ID was just changed. For your safety, you have been logged out on all other devices."),
			},
			Ignore: []block{
				p("Wasn't you? Please set a new password right away:"),
				link("Reset password", "{{.Link}}"),
			},
		},
		KindEmailChangeConfirm: {
			Subject: "Confirm your new e-mail address for your {{.Brand}} ID",
			Body: []block{
				p("Please confirm that this should become the new e-mail address of your {{.Brand}} ID:"),
				link("Confirm new address", "{{.Link}}"),
				p("The link is valid for {{.Valid}}. Until you confirm, your current address stays in use."),
			},
			Ignore: []block{
				p("Didn't ask for this? Just ignore this e-mail: nothing will change."),
			},
		},
		KindEmailChangedNotice: {
			Subject: "The e-mail address of your {{.Brand}} ID was changed",
			Body: []block{
				p("The e-mail address of your {{.Brand}} ID was changed to {{.Masked}}. From now on, please log in with the new address."),
			},
			Ignore: []block{
				p("Wasn't you? Undo the change with this link. It makes this address your login again, logs out every device and lets you choose a new password right away:"),
				link("Undo the change", "{{.Link}}"),
				p("The link is valid for {{.Valid}}."),
			},
		},
		KindPhoneAdded: {
			Subject: "A Phone ID was added to your {{.Brand}} ID",
			Body: []block{
				p("The mobile number {{.Masked}} is now the Phone ID of your {{.Brand}} ID. You can use it to log in."),
			},
			Ignore: []block{
				p("Wasn't you? Please set a new password right away and remove the number under Account data:"),
				link("Reset password", "{{.Link}}"),
			},
		},
		KindPhoneRemoved: {
			Subject: "The Phone ID was removed from your {{.Brand}} ID",
			Body: []block{
				p("The mobile number {{.Masked}} is no longer the Phone ID of your {{.Brand}} ID. To log in, use your e-mail address."),
			},
			Ignore: []block{
				p("Wasn't you? Please set a new password right away:"),
				link("Reset password", "{{.Link}}"),
			},
		},
		KindPhoneCode: {
			Subject: "Your {{.Brand}} ID code",
			Body: []block{
				p("Your {{.Brand}} ID code:"),
				code(),
				p("Valid for {{.Valid}}. Never share it."),
			},
			Ignore: []block{
				p("Didn't ask for it? Ignore this SMS."),
			},
		},
		KindNewSignIn: {
			Subject: "New sign-in to your {{.Brand}} ID",
			Body: []block{
				p("Your {{.Brand}} ID was just used to log in on a device it has not been used on before: {{if .Device}}{{.Device}}{{else}}a browser we could not name{{end}}, {{.When}}."),
				p("If that was you, there is nothing to do. You can see every device that is logged in on your Security page:"),
				link("Open the Security page", "{{.Link}}"),
			},
			Ignore: []block{
				p("Wasn't you? Then someone else knows your password. Open the Security page, log that device out, and change your password right away."),
			},
		},
		KindCodesPaused: {
			Subject: "Codes for your {{.Brand}} ID are paused",
			Body: []block{
				p("Within the last hour, many codes were requested or entered wrongly for your {{.Brand}} ID. To protect it, we send and accept no codes for it until {{.Until}}."),
				p("If that was you, please wait until then and try again."),
			},
			Ignore: []block{
				p("Wasn't you? Then someone may know your password. Please set a new one right away:"),
				link("Set a new password", "{{.Link}}"),
			},
		},
		KindAccountDeleted: {
			Subject: "Your {{.Brand}} ID has been deleted",
			Body: []block{
				p("As requested, we have deleted your {{.Brand}} ID and your personal data, and logged you out on all devices."),
				p("We're sorry to see you go. You're welcome back at any time: you can register again with this address."),
			},
			Ignore: []block{
				p("Didn't delete it yourself? Then someone else knew your password. Please contact our customer support right away."),
			},
		},
	},
}
