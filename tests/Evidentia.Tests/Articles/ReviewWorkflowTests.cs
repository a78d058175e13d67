using Evidentia.Core.Accounts;
using Evidentia.Core.Articles;

namespace Evidentia.Tests.Articles;

public class ReviewWorkflowTests
{
    public class Next
    {
        [Theory]
        [InlineData(ReviewStatus.Submitted, ReviewAction.StartReview, Role.Reviewer, ReviewStatus.UnderReview)]
        [InlineData(ReviewStatus.UnderReview, ReviewAction.Approve, Role.Reviewer, ReviewStatus.Approved)]
        [InlineData(ReviewStatus.UnderReview, ReviewAction.RequestChanges, Role.Admin, ReviewStatus.ChangesRequested)]
        [InlineData(ReviewStatus.ChangesRequested, ReviewAction.Edit, Role.Editor, ReviewStatus.ChangesRequested)]
        [InlineData(ReviewStatus.ChangesRequested, ReviewAction.Resubmit, Role.Editor, ReviewStatus.Submitted)]
        [InlineData(ReviewStatus.UnderReview, ReviewAction.Edit, Role.Reviewer, ReviewStatus.UnderReview)]
        [InlineData(ReviewStatus.UnderReview, ReviewAction.Edit, Role.Editor, ReviewStatus.Submitted)]
        [InlineData(ReviewStatus.Approved, ReviewAction.Edit, Role.Reviewer, ReviewStatus.Submitted)]
        public void Should_Follow_The_Workflow(ReviewStatus from, ReviewAction action, Role role, ReviewStatus to) =>
            Assert.Equal(to, ReviewWorkflow.Next(from, action, role));

        [Theory]
        [InlineData(ReviewStatus.Submitted, ReviewAction.Approve)]
        [InlineData(ReviewStatus.ChangesRequested, ReviewAction.Approve)]
        [InlineData(ReviewStatus.Approved, ReviewAction.StartReview)]
        [InlineData(ReviewStatus.Submitted, ReviewAction.Resubmit)]
        public void Should_Refuse_An_Action_That_Does_Not_Apply_Now(ReviewStatus from, ReviewAction action) =>
            Assert.Null(ReviewWorkflow.Next(from, action, Role.Admin));
    }

    public class Allows
    {
        [Theory]
        [InlineData(Role.Editor, ReviewAction.Approve, false)]
        [InlineData(Role.Editor, ReviewAction.StartReview, false)]
        [InlineData(Role.Editor, ReviewAction.Resubmit, true)]
        [InlineData(Role.Reviewer, ReviewAction.Approve, true)]
        [InlineData(Role.Reviewer, ReviewAction.Resubmit, false)]
        [InlineData(Role.Admin, ReviewAction.Approve, true)]
        public void Should_Give_Each_Role_Its_Actions(Role role, ReviewAction action, bool allowed) =>
            Assert.Equal(allowed, ReviewWorkflow.Allows(role, action));

        [Fact]
        public void Should_Never_Approve_Without_A_Reviewer()
        {
            foreach (var status in Enum.GetValues<ReviewStatus>())
            {
                Assert.DoesNotContain(ReviewAction.Approve, ReviewWorkflow.Available(status, Role.Editor));
            }
        }
    }
}
