using System.CommandLine;
using Evidentia.Cli.Rendering;
using Evidentia.Core.Accounts;
using Evidentia.Web.Accounts;
using Spectre.Console;

namespace Evidentia.Cli.Commands;

/// <summary>
/// <c>evidentia users add|list|set-role|disable|enable|password</c>: accounts of the review board, managed beside a
/// running server; a role change, a disabled account and a new password end every session of that account at once.
/// </summary>
public static class UsersCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "The user name to sign in with." };
        var role = new Option<string>("--role") { Description = "reviewer, editor or admin.", Required = true, HelpName = "ROLE" };
        role.AcceptOnlyFromAmong([.. Enum.GetNames<Role>().Select(n => n.ToLowerInvariant())]);
        var displayName = new Option<string?>("--display-name") { Description = "The name readers see on approved articles (default: the user name).", HelpName = "TEXT" };
        var credentials = new Option<string?>("--credentials") { Description = "Qualifications shown with the name, e.g. \"MD, FACP\".", HelpName = "TEXT" };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from the first line of standard input instead of prompting." };
        var add = new Command("add", "Add an account. The first admin is created this way.\n\nExample:\n  evidentia users add alice --role admin --display-name \"Alice Smith\" --credentials MD")
        {
            name, role, displayName, credentials, passwordStdin,
        };
        add.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            var password = ReadPassword(result, passwordStdin);
            await using var workspace = await GlobalOptions.OpenAsync(result, cancellationToken, beside: true);
            var accounts = new AccountService(workspace.Users, workspace.Audit, TimeProvider.System);
            var user = await accounts.AddAsync(
                result.GetValue(name)!, result.GetValue(displayName) ?? result.GetValue(name)!, result.GetValue(credentials),
                Enum.Parse<Role>(result.GetValue(role)!, ignoreCase: true), password, "cli", cancellationToken);
            Consoles.Out.MarkupLineInterpolated($"Added [bold]{user.Name}[/] ({user.Role}).");
            return ExitCodes.Ok;
        }));

        var list = new Command("list", "List the accounts.");
        list.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            await using var workspace = await GlobalOptions.OpenAsync(result, cancellationToken, beside: true);
            var table = new Table().Border(TableBorder.Rounded).AddColumns("Name", "Display name", "Credentials", "Role", "State");
            foreach (var u in await workspace.Users.ListAsync(cancellationToken))
            {
                table.AddRow(Markup.Escape(u.Name), Markup.Escape(u.DisplayName), Markup.Escape(u.Credentials ?? ""), u.Role.ToString(), u.Disabled ? "disabled" : "active");
            }

            Consoles.Out.Write(table);
            return ExitCodes.Ok;
        }));

        var newRole = new Argument<string>("role") { Description = "reviewer, editor or admin." };
        newRole.AcceptOnlyFromAmong([.. Enum.GetNames<Role>().Select(n => n.ToLowerInvariant())]);
        var setRole = new Command("set-role", "Give an account another role; its sessions end.\n\nExample:\n  evidentia users set-role bob editor") { name, newRole };
        setRole.SetAction((result, cancellationToken) => OnAccountAsync(result, cancellationToken, (accounts, user, ct) =>
            accounts.SetRoleAsync(user, Enum.Parse<Role>(result.GetValue(newRole)!, ignoreCase: true), "cli", ct), "now has the role " + result.GetValue(newRole)));

        var disable = new Command("disable", "Disable an account: it cannot sign in, and its sessions end.") { name };
        disable.SetAction((result, cancellationToken) => OnAccountAsync(result, cancellationToken, (accounts, user, ct) =>
            accounts.SetDisabledAsync(user, true, "cli", ct), "is disabled"));

        var enable = new Command("enable", "Enable a disabled account again.") { name };
        enable.SetAction((result, cancellationToken) => OnAccountAsync(result, cancellationToken, (accounts, user, ct) =>
            accounts.SetDisabledAsync(user, false, "cli", ct), "is enabled"));

        var password = new Command("password", "Set a new password for an account; its sessions end.") { name, passwordStdin };
        password.SetAction((result, cancellationToken) =>
        {
            var secret = ReadPassword(result, passwordStdin);
            return OnAccountAsync(result, cancellationToken, (accounts, user, ct) => accounts.ChangePasswordAsync(user, secret, "cli", ct), "has a new password");
        });

        return new Command("users", "Accounts of the review board and staff.") { add, list, setRole, disable, enable, password };

        Task<int> OnAccountAsync(ParseResult result, CancellationToken cancellationToken, Func<AccountService, string, CancellationToken, Task> change, string done) =>
            CommandRunner.RunAsync(async () =>
            {
                await using var workspace = await GlobalOptions.OpenAsync(result, cancellationToken, beside: true);
                await change(new AccountService(workspace.Users, workspace.Audit, TimeProvider.System), result.GetValue(name)!, cancellationToken);
                Consoles.Out.MarkupLineInterpolated($"[bold]{result.GetValue(name)}[/] {done}; every session of the account has ended.");
                return ExitCodes.Ok;
            });
    }

    private static string ReadPassword(ParseResult result, Option<bool> fromStdin) =>
        result.GetValue(fromStdin)
            ? Console.In.ReadLine() ?? ""
            : AnsiConsole.Prompt(new TextPrompt<string>("Password:").Secret());
}
