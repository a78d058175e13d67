using System.CommandLine;
using Evidentia.Cli.Rendering;
using Evidentia.Core.Accounts;
using Evidentia.Web.Accounts;
using Spectre.Console;

namespace Evidentia.Cli.Commands;

/// <summary><c>evidentia users add NAME --role ROLE</c> and <c>evidentia users list</c>: accounts of the review board.</summary>
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
            var password = result.GetValue(passwordStdin)
                ? Console.In.ReadLine() ?? ""
                : AnsiConsole.Prompt(new TextPrompt<string>("Password:").Secret());
            await using var workspace = await GlobalOptions.OpenAsync(result, cancellationToken);
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
            await using var workspace = await GlobalOptions.OpenAsync(result, cancellationToken, readOnly: true);
            var table = new Table().Border(TableBorder.Rounded).AddColumns("Name", "Display name", "Credentials", "Role");
            foreach (var u in await workspace.Users.ListAsync(cancellationToken))
            {
                table.AddRow(Markup.Escape(u.Name), Markup.Escape(u.DisplayName), Markup.Escape(u.Credentials ?? ""), u.Role.ToString());
            }

            Consoles.Out.Write(table);
            return ExitCodes.Ok;
        }));

        return new Command("users", "Accounts of the review board and staff.") { add, list };
    }
}
