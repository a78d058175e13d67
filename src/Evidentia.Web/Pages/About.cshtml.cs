using Evidentia.Core.Documents;
using Evidentia.Web.Answering;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Evidentia.Web.Pages;

/// <summary>About: what Evidentia is, what this installation has indexed, and the collections' licences.</summary>
public sealed class AboutModel(CollectionStatistics statistics) : PageModel
{
    public IReadOnlyList<CollectionStats> Collections { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Collections = await statistics.GetAsync(cancellationToken);
}
