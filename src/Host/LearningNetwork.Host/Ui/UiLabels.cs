namespace LearningNetwork.Host.Ui;

/// <summary>The sets of codes the API answers with (enums as strings) that pages show to people.</summary>
public enum Vocabulary
{
    SessionKind,
    SessionStatus,
    EnrollmentStatus,
    Attendance,
    AttendanceMark,
    ClusterType,
    PostFundingPlan,
    FundingStatus,
    EmailKind,
    EmailStatus,
    GuidelineStatus,
    FundingCallStatus,
    NetworkMembership,
    ManagerStatus,
}

/// <summary>
/// A label in English, Dutch and French for every code a page shows, so that no page ever shows
/// "LearningNetworkMeeting" or "WaitlistPromoted". Each vocabulary has its own labels because the
/// same code reads differently by what it qualifies (French: a session is "publiée", a call "publié").
/// A test holds every vocabulary against the API's enums: a code without a label fails it.
/// </summary>
internal static class UiLabels
{
    public static readonly IReadOnlyDictionary<Vocabulary, IReadOnlyList<(string Code, string English, string Dutch, string French)>> All =
        new Dictionary<Vocabulary, IReadOnlyList<(string, string, string, string)>>
        {
            [Vocabulary.SessionKind] =
            [
                ("Training", "Training", "Opleiding", "Formation"),
                ("LearningNetworkMeeting", "Learning network meeting", "Bijeenkomst van een lerend netwerk", "Réunion d'un réseau d'apprentissage"),
            ],
            [Vocabulary.SessionStatus] =
            [
                ("Draft", "Draft", "Ontwerp", "Brouillon"),
                ("Published", "Published", "Gepubliceerd", "Publiée"),
                ("Cancelled", "Cancelled", "Geannuleerd", "Annulée"),
            ],
            [Vocabulary.EnrollmentStatus] =
            [
                ("Confirmed", "Confirmed", "Bevestigd", "Confirmée"),
                ("Waitlisted", "On the waitlist", "Op de wachtlijst", "Sur la liste d'attente"),
                ("Cancelled", "Cancelled", "Geannuleerd", "Annulée"),
            ],
            [Vocabulary.Attendance] =
            [
                ("Unknown", "Not recorded", "Niet genoteerd", "Non encodée"),
                ("Attended", "Attended", "Aanwezig", "Présent(e)"),
                ("Absent", "Absent", "Afwezig", "Absent(e)"),
            ],
            [Vocabulary.AttendanceMark] =
            [
                ("Attended", "Attended", "Aanwezig", "Présent(e)"),
                ("Absent", "Absent", "Afwezig", "Absent(e)"),
                ("Unknown", "Not recorded", "Niet genoteerd", "Non encodée"),
                ("NotEnrolled", "Not enrolled", "Niet ingeschreven", "Pas inscrit(e)"),
            ],
            [Vocabulary.ClusterType] =
            [
                ("SpearheadCluster", "Spearhead cluster", "Speerpuntcluster", "Cluster de pointe"),
                ("InnovativeBusinessNetwork", "Innovative business network", "Innovatief bedrijfsnetwerk", "Réseau d'entreprises innovant"),
            ],
            [Vocabulary.PostFundingPlan] =
            [
                ("Undecided", "Not decided yet", "Nog niet beslist", "Pas encore décidé"),
                ("ContinueIndependently", "Continue independently", "Zelfstandig verder", "Continuer de façon autonome"),
                ("JoinSpearheadCluster", "Join a spearhead cluster", "Aansluiten bij een speerpuntcluster", "Rejoindre un cluster de pointe"),
                ("JoinCollectiveCentre", "Join a collective centre", "Aansluiten bij een collectief centrum", "Rejoindre un centre collectif"),
                ("Stop", "Stop", "Stoppen", "Arrêter"),
            ],
            [Vocabulary.FundingStatus] =
            [
                ("None", "No funding", "Geen financiering", "Pas de financement"),
                ("Funded", "Funded", "Gefinancierd", "Financé"),
                ("PostFunding", "After the funding", "Na de financiering", "Après le financement"),
            ],
            [Vocabulary.EmailKind] =
            [
                ("Invitation", "Invitation", "Uitnodiging", "Invitation"),
                ("PasswordReset", "Password reset", "Wachtwoord herstellen", "Réinitialisation du mot de passe"),
                ("EnrollmentConfirmed", "Enrollment confirmed", "Inschrijving bevestigd", "Inscription confirmée"),
                ("Waitlisted", "On the waitlist", "Op de wachtlijst", "Sur la liste d'attente"),
                ("WaitlistPromoted", "Moved up from the waitlist", "Van de wachtlijst ingeschreven", "Inscrit(e) depuis la liste d'attente"),
                ("EnrollmentCancelled", "Enrollment cancelled", "Inschrijving geannuleerd", "Inscription annulée"),
                ("Reminder", "Reminder", "Herinnering", "Rappel"),
                ("SessionRescheduled", "Session moved", "Sessie verplaatst", "Session reprogrammée"),
                ("SessionCancelled", "Session cancelled", "Sessie geannuleerd", "Session annulée"),
                ("FollowUp", "Follow-up", "Opvolging", "Suivi"),
                ("GuidelineUpdated", "Guideline updated", "Richtlijn bijgewerkt", "Directive mise à jour"),
                ("LearningNetworkWelcome", "Welcome to a learning network", "Welkom in een lerend netwerk", "Bienvenue dans un réseau d'apprentissage"),
                ("SessionMessage", "Message to participants", "Bericht aan deelnemers", "Message aux participants"),
                ("SessionUpdated", "Session changed", "Sessie gewijzigd", "Session modifiée"),
                ("SessionAnnounced", "Session announced", "Sessie aangekondigd", "Session annoncée"),
                ("FundingDeadline", "Funding call deadline", "Deadline van een projectoproep", "Échéance d'un appel à projets"),
            ],
            [Vocabulary.EmailStatus] =
            [
                ("Pending", "Waiting", "Wachtend", "En attente"),
                ("Sending", "Being sent", "Bezig met versturen", "Envoi en cours"),
                ("Sent", "Sent", "Verstuurd", "Envoyé"),
                ("Failed", "Failed", "Mislukt", "Échoué"),
                ("Skipped", "Not sent (no longer needed)", "Niet verstuurd (niet meer nodig)", "Non envoyé (plus nécessaire)"),
            ],
            [Vocabulary.GuidelineStatus] =
            [
                ("Draft", "Draft", "Ontwerp", "Brouillon"),
                ("Published", "Published", "Gepubliceerd", "Publiée"),
            ],
            [Vocabulary.FundingCallStatus] =
            [
                ("Draft", "Draft", "Ontwerp", "Brouillon"),
                ("Published", "Published", "Gepubliceerd", "Publié"),
                ("Closed", "Closed", "Afgesloten", "Clôturé"),
                ("Withdrawn", "Withdrawn", "Ingetrokken", "Retiré"),
            ],
            [Vocabulary.ManagerStatus] =
            [
                ("Invited", "Invited", "Uitgenodigd", "Invité(e)"),
                ("Active", "Active", "Actief", "Actif/active"),
                ("Deactivated", "Deactivated", "Gedeactiveerd", "Désactivé(e)"),
            ],
            [Vocabulary.NetworkMembership] =
            [
                ("Open", "Open to every manager", "Open voor elke manager", "Ouvert à tous les gestionnaires"),
                ("MembersOnly", "Members only", "Enkel voor leden", "Réservé aux membres"),
            ],
        };
}
