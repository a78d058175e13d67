using System.CommandLine;
using Evidentia.Cli.Rendering;
using Evidentia.Core.Audit;
using Spectre.Console;

namespace Evidentia.Cli.Commands;

/// <summary><c>evidentia audit verify</c>: checks the audit trail's hash chain.</summary>
public static class AuditCommand
{
    public static Command Create()
    {
        var verify = new Command("verify", "Check that no audit entry was changed or removed (exit 1 when one was).");
        verify.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            await using var workspace = await GlobalOptions.OpenAsync(result, cancellationToken, readOnly: true);
            var entries = await workspace.Audit.ReadAllAsync(cancellationToken);
            var problems = AuditChain.Verify(entries);
            if (problems.Count == 0)
            {
                Consoles.Out.MarkupLineInterpolated($"[green]The audit trail is intact:[/] {entries.Count:N0} entries, each chained to the one before.");
                return ExitCodes.Ok;
            }

            foreach (var problem in problems)
            {
                Consoles.Fail(problem);
            }

            return ExitCodes.Failed;
        }));
        return new Command("audit", "The append-only audit trail of reviews and accounts.") { verify };
    }
}
