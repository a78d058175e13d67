using Evidentia.Core.Audit;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Evidentia.Web.Pages.Admin;

/// <summary>The audit trail, newest first, verified end to end.</summary>
public sealed class AuditModel(IAuditLog audit, Core.Articles.IArticleStore articles) : PageModel
{
    public IReadOnlyList<AuditEntry> Recent { get; private set; } = [];

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public int Total { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var verified = await AuditChain.VerifyAllAsync(audit, articles, cancellationToken);
        Total = verified.Entries.Count;
        Problems = verified.Problems;
        Recent = verified.Entries.Reverse().Take(200).ToList();
    }
}
