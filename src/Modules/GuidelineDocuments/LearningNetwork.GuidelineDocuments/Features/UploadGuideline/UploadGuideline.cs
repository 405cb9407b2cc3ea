using FluentValidation;
using LearningNetwork.GuidelineDocuments.Domain;
using LearningNetwork.GuidelineDocuments.Features.Shared;
using LearningNetwork.GuidelineDocuments.Persistence;
using MediatR;

namespace LearningNetwork.GuidelineDocuments.Features.UploadGuideline;

internal sealed record UploadGuideline(string? Title, string? Category, string? Language, string? Summary, FileUpload? File) : IRequest<GuidelineResponse>;

internal sealed class UploadGuidelineValidator : AbstractValidator<UploadGuideline>
{
    private static readonly string[] Languages = ["nl", "en", "fr"];

    public UploadGuidelineValidator()
    {
        RuleFor(x => x.Title).NotEmpty().WithMessage("The title is required.").MaximumLength(300);
        RuleFor(x => x.Category).NotEmpty().WithMessage("The category is required.").MaximumLength(100);
        RuleFor(x => x.Language).Must(l => l is not null && Languages.Contains(l)).WithMessage("The language is nl, en or fr.");
        RuleFor(x => x.Summary).MaximumLength(4000);
        RuleFor(x => x.File).NotNull().WithMessage("Attach the file (form field 'file').");
    }
}

internal sealed class UploadGuidelineHandler(GuidelinesDbContext db, UploadedFiles files, TimeProvider clock) : IRequestHandler<UploadGuideline, GuidelineResponse>
{
    public async Task<GuidelineResponse> Handle(UploadGuideline request, CancellationToken cancellationToken)
    {
        var stored = await files.StoreAsync(request.File!, cancellationToken);
        var guideline = Guideline.Create(request.Title!, request.Category!, request.Language!, request.Summary, stored, clock.GetUtcNow());
        db.Guidelines.Add(guideline);
        await db.SaveChangesAsync(cancellationToken);
        return GuidelineResponse.From(guideline, guideline.Versions);
    }
}
