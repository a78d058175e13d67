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
        var verify = new Command("verify", "Check that no audit entry was changed, removed or added outside Evidentia (the chain and its signed head), and that every article's review status is what the trail says (exit 1 when not).");
        verify.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            await using var workspace = await GlobalOptions.OpenAsync(result, cancellationToken, beside: true);
            var verified = await AuditChain.VerifyAllAsync(workspace.Audit, workspace.Articles, cancellationToken);
            if (verified.Problems.Count == 0)
            {
                Consoles.Out.MarkupLineInterpolated($"[green]The audit trail is intact:[/] {verified.Entries.Count:N0} entries, each chained to the one before, under a head signed with the audit key; the review status of {verified.Articles:N0} article(s) is what the trail says.");
                return ExitCodes.Ok;
            }

            foreach (var problem in verified.Problems)
            {
                Consoles.Fail(problem);
            }

            return ExitCodes.Failed;
        }));
        return new Command("audit", "The append-only audit trail of reviews and accounts.") { verify };
    }
}
