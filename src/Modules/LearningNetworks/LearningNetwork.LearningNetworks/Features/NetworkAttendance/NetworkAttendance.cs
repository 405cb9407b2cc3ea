using LearningNetwork.ClusterManagers.Contracts;
using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.LearningNetworks.Features.Shared;
using LearningNetwork.LearningNetworks.Persistence;
using LearningNetwork.Sessions.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.LearningNetworks.Features.NetworkAttendance;

/// <summary>
/// Who came over the whole cycle: members × meetings (published, in start order). Former
/// members who were marked at a meeting stay in the matrix, so the record of the cycle is complete.
/// </summary>
internal sealed record NetworkAttendance(Guid NetworkId) : IRequest<AttendanceMatrix>;

internal sealed record AttendanceMatrix(string NetworkName, IReadOnlyList<MatrixMeeting> Meetings, IReadOnlyList<MatrixMember> Members);

internal sealed record MatrixMeeting(Guid SessionId, string Title, DateTime StartsAt, string StartLocal, string TimeZone);

/// <param name="Marks">One per meeting, in the meetings' order.</param>
/// <param name="AttendanceRate">Attended / (attended + absent); null while nothing is marked.</param>
internal sealed record MatrixMember(Guid ClusterManagerId, string FullName, string ClusterName, bool IsMember, IReadOnlyList<AttendanceMark> Marks, double? AttendanceRate);

internal enum AttendanceMark
{
    Attended,
    Absent,
    Unknown,
    NotEnrolled,
}

internal sealed class NetworkAttendanceHandler(LearningNetworksDbContext db, NetworkViews views, IMediator mediator) : IRequestHandler<NetworkAttendance, AttendanceMatrix>
{
    public async Task<AttendanceMatrix> Handle(NetworkAttendance request, CancellationToken cancellationToken)
    {
        var network = await views.ForChangeAsync(request.NetworkId, cancellationToken);
        var meetings = (await mediator.Send(new GetLearningNetworkMeetings([network.Id]), cancellationToken))
            .Where(m => m.State == SessionState.Published).ToList();
        var marks = new Dictionary<(Guid Session, Guid Manager), AttendanceMark>();
        foreach (var meeting in meetings)
        {
            // A manager may have a cancelled enrollment beside a live one: the live one counts.
            foreach (var enrollee in await mediator.Send(new GetSessionEnrollees(meeting.Session.SessionId), cancellationToken))
            {
                if (enrollee.Status == EnrollmentStatus.Confirmed)
                {
                    marks[(meeting.Session.SessionId, enrollee.ClusterManagerId)] = enrollee.Attendance switch
                    {
                        Attendance.Attended => AttendanceMark.Attended,
                        Attendance.Absent => AttendanceMark.Absent,
                        _ => AttendanceMark.Unknown,
                    };
                }
            }
        }

        var memberIds = await db.Members.AsNoTracking().Where(m => m.NetworkId == network.Id).OrderBy(m => m.JoinNumber)
            .Select(m => m.ClusterManagerId).ToListAsync(cancellationToken);
        var formerWithMarks = marks.Where(m => m.Value is AttendanceMark.Attended or AttendanceMark.Absent).Select(m => m.Key.Manager)
            .Distinct().Except(memberIds).ToList();
        var people = memberIds.Concat(formerWithMarks).ToList();
        var managers = (await mediator.Send(new GetClusterManagers(people), cancellationToken)).ToDictionary(m => m.ClusterManagerId);
        var members = new HashSet<Guid>(memberIds);

        var rows = people.Where(managers.ContainsKey).Select(id =>
        {
            var row = meetings.Select(m => marks.GetValueOrDefault((m.Session.SessionId, id), AttendanceMark.NotEnrolled)).ToList();
            var attended = row.Count(m => m == AttendanceMark.Attended);
            var marked = attended + row.Count(m => m == AttendanceMark.Absent);
            return new MatrixMember(id, managers[id].FullName, managers[id].ClusterName, members.Contains(id), row, marked == 0 ? null : (double)attended / marked);
        }).ToList();

        return new AttendanceMatrix(
            network.Name,
            meetings.Select(m => new MatrixMeeting(m.Session.SessionId, m.Session.Title, m.Session.StartsAt.UtcDateTime,
                m.Session.StartLocal.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), m.Session.TimeZone)).ToList(),
            rows);
    }
}
