using System.Linq.Expressions;
using LearningNetwork.Sessions.Contracts;
using LearningNetwork.Sessions.Domain;
using LearningNetwork.Sessions.Features.Shared;
using LearningNetwork.Sessions.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Sessions.Features.ListSessions;

/// <summary>
/// The list's queries, compiled once: this is the busiest read of the system, and EF's
/// per-call work of recognising a LINQ query (a large share of the host's CPU in a profile; see
/// docs/performance.md) is skipped. An absent filter is a null parameter, which EF removes from
/// the SQL it sends, so each combination of filters still gets its own plain WHERE clause. Staff
/// see every status; everyone else no drafts (the same rule as <see cref="SessionQueries.VisibleTo"/>).
/// </summary>
internal static class SessionListQueries
{
    /// <summary>
    /// Which sessions the list shows, written once for the three places that filter: the count,
    /// a page and the page's total. The queries below say <see cref="IsListed"/> where it applies,
    /// and <see cref="WithFilter{T}"/> puts this expression in its place before EF compiles them,
    /// so the SQL is what it would be had each query spelled the filter out.
    /// </summary>
    private static readonly Expression<Func<Session, bool, DateTimeOffset?, DateTimeOffset?, SessionKind?, SessionStatus?, string?, bool>> Listed =
        (s, staff, from, to, kind, status, title) => (staff || s.Status != SessionStatus.Draft)
            && (from == null || s.StartsAt >= from) && (to == null || s.StartsAt < to)
            && (kind == null || s.Kind == kind) && (status == null || s.Status == status)
            && (title == null || EF.Functions.ILike(s.Title, title, @"\"));

    public static readonly Func<SessionsDbContext, bool, DateTimeOffset?, DateTimeOffset?, SessionKind?, SessionStatus?, string?, CancellationToken, Task<int>> Count =
        EF.CompileAsyncQuery(WithFilter<Func<SessionsDbContext, bool, DateTimeOffset?, DateTimeOffset?, SessionKind?, SessionStatus?, string?, CancellationToken, int>>(
            (db, staff, from, to, kind, status, title, _) =>
                db.Sessions.Count(s => IsListed(s, staff, from, to, kind, status, title))));

    /// <summary>A page with each session's copy and the total of the whole filter, counted once by PostgreSQL (an uncorrelated subquery).</summary>
    public static readonly Func<SessionsDbContext, bool, DateTimeOffset?, DateTimeOffset?, SessionKind?, SessionStatus?, string?, int, int, IAsyncEnumerable<ListedSession>> Page =
        EF.CompileAsyncQuery(WithFilter<Func<SessionsDbContext, bool, DateTimeOffset?, DateTimeOffset?, SessionKind?, SessionStatus?, string?, int, int, IQueryable<ListedSession>>>(
            (db, staff, from, to, kind, status, title, skip, take) =>
                db.Sessions.AsNoTracking()
                    .Where(s => IsListed(s, staff, from, to, kind, status, title))
                    .OrderBy(s => s.StartsAt).ThenBy(s => s.Id)
                    .Skip(skip).Take(take)
                    .LeftJoin(db.SessionCopies.AsNoTracking(), s => s.Id, c => c.SessionId, (s, c) => new { Session = s, Copy = c })
                    .OrderBy(x => x.Session.StartsAt).ThenBy(x => x.Session.Id)
                    .Select(x => new ListedSession(x.Session, x.Copy, db.Sessions.Count(t => IsListed(t, staff, from, to, kind, status, title))))));

    /// <summary>Stands for <see cref="Listed"/> inside the queries above; never called.</summary>
    private static bool IsListed(Session session, bool staff, DateTimeOffset? from, DateTimeOffset? to, SessionKind? kind, SessionStatus? status, string? title) =>
        throw new InvalidOperationException("IsListed stands for the list's filter inside a query; WithFilter replaces it before the query runs.");

    private static Expression<T> WithFilter<T>(Expression<T> query) => (Expression<T>)new FilterInliner().Visit(query);

    /// <summary>Replaces each call of <see cref="IsListed"/> with <see cref="Listed"/>'s body, its parameters bound to the call's arguments.</summary>
    private sealed class FilterInliner : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.DeclaringType != typeof(SessionListQueries) || node.Method.Name != nameof(IsListed))
            {
                return base.VisitMethodCall(node);
            }

            var arguments = node.Arguments.Select(Visit).ToList();
            return new Binding(Listed.Parameters.Zip(arguments, (parameter, argument) => (parameter, argument!)).ToDictionary()).Visit(Listed.Body);
        }
    }

    private sealed class Binding(Dictionary<ParameterExpression, Expression> arguments) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => arguments.GetValueOrDefault(node) ?? node;
    }
}
