namespace LearningNetwork.Sessions.Domain;

internal enum SessionStatus
{
    Draft,
    Published,
    Cancelled,
}
