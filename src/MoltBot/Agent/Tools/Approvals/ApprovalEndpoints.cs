using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MoltBot.Agent.Tools.Approvals;

/// <summary>
/// <c>GET /api/approvals</c>, <c>POST /api/approvals/{id}/approve|deny</c> (behind the gateway token, so the caller
/// is the owner): what <c>moltbot approvals</c> uses.
/// </summary>
internal static class ApprovalEndpoints
{
    public static IEndpointRouteBuilder MapApprovals(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/approvals");
        group.MapGet("", (ExecApprovals approvals) => Results.Json(
            new ApprovalList([.. approvals.Pending.Select(a => new ApprovalEntry(a.Id, a.Command, a.AgentId, a.SessionKey, a.Channel, a.RequestedAt, a.ExpiresAt))]),
            ApprovalsJsonContext.Default.ApprovalList));
        group.MapPost("/{id}/approve", (string id, ExecApprovals approvals) => Answer(approvals, id, approve: true));
        group.MapPost("/{id}/deny", (string id, ExecApprovals approvals) => Answer(approvals, id, approve: false));
        return endpoints;
    }

    private static IResult Answer(ExecApprovals approvals, string id, bool approve)
    {
        var answer = approvals.Answer(id, approve, ApprovalActor.Cli);
        var body = new ApprovalResult(id, answer switch
        {
            ApprovalAnswer.Approved => "approved",
            ApprovalAnswer.Denied => "denied",
            _ => "not_found",
        });
        return Results.Json(body, ApprovalsJsonContext.Default.ApprovalResult, statusCode: answer is ApprovalAnswer.NotFound ? 404 : 200);
    }
}
