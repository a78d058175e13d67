using System.Text.Json;
using Evidentia.Core.Accounts;
using Evidentia.Core.Articles;
using Evidentia.Core.Audit;
using Evidentia.Core.Conversations;
using Evidentia.Core.Documents;
using Evidentia.Search;
using Evidentia.Search.Indexing;
using Evidentia.Search.Retrieval;

namespace Evidentia.Web.Hosting;

/// <summary>
/// What the web product runs on, opened by its host (the embedded data folder for <c>evidentia serve</c>):
/// the document store, the index and its searcher, the answer engine, the article library, the conversations,
/// the accounts and the audit trail, and the settings in force (recorded in every article's snapshot).
/// The host owns them and disposes of them after the web application has stopped.
/// </summary>
public sealed record EvidentiaBackend(
    IDocumentStore Documents,
    SearchIndex Index,
    DocumentSearcher Searcher,
    AnswerEngine Engine,
    IArticleStore Articles,
    IConversationStore Conversations,
    IUserStore Users,
    IAuditLog Audit,
    JsonElement Settings);
