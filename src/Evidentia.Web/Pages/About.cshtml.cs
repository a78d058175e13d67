using Evidentia.Core.Documents;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Evidentia.Web.Pages;

/// <summary>About: what Evidentia is, what this installation has indexed, and the collections' licences.</summary>
public sealed class AboutModel(IDocumentStore store) : PageModel
{
    public IReadOnlyList<CollectionStats> Collections { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Collections = await store.GetStatsAsync(cancellationToken);
}
