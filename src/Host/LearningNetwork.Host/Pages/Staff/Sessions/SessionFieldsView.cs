namespace LearningNetwork.Host.Pages.Staff.Sessions;

/// <summary>What the shared session fields partial needs: the values, and whether start and end are edited here.</summary>
public sealed record SessionFieldsView(SessionForm Form, bool WithTimes);
