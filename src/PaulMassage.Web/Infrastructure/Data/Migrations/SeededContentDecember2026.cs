using Microsoft.EntityFrameworkCore.Migrations;

namespace PaulMassage.Web.Infrastructure.Data.Migrations;

/// <summary>
/// Brings the seeded articles and treatment pages of a database made before December 2026 up to
/// the text Content/ now holds (the drawings, the sources the articles cite, each treatment's own
/// "when it is not the right choice"), but only where the stored text is still exactly what was
/// seeded: anything the therapist has edited is left as he wrote it. The texts are fixed here, as
/// they stood, so the migration does the same thing whatever Content/ later becomes.
/// </summary>
internal static class SeededContentDecember2026
{
    internal static readonly IReadOnlyList<SeededText> Texts =
    [
        new("Articles", "BodyMarkdown", "choosing-a-massage-technique",
            "Massage is not one single treatment. Different techniques work in different ways, and the right one for you depends on what your back is doing and how it feels.\n" +
            "\n" +
            "Paul offers four techniques. You do not need to pick the perfect one before you book, because he will assess you on the first visit and adjust. Still, it can help to know what each one is for.\n" +
            "\n" +
            "## The four techniques at a glance\n" +
            "\n" +
            "- **Swedish massage** for general tension, stress and relaxation\n" +
            "- **Deep tissue massage** for long-held tension in deeper muscle layers\n" +
            "- **Trigger point therapy** for tight, tender knots in the muscle\n" +
            "- **Myofascial release** for stiffness and restricted movement\n" +
            "\n" +
            "## Swedish massage\n" +
            "\n" +
            "[Swedish massage](/services/swedish-massage) uses long, smooth strokes, gentle kneading and rhythmic movements. Pressure is usually light to moderate.\n" +
            "\n" +
            "It is a good fit if your back feels generally tight and tired, or if stress is part of the story. It helps you relax, encourages circulation and can be a comfortable introduction if you have never had a massage before.\n" +
            "\n" +
            "### It may suit you if\n" +
            "\n" +
            "- Your discomfort is mild and widespread rather than in one spot\n" +
            "- You carry stress in your shoulders and back\n" +
            "- You would prefer a gentler first session\n" +
            "\n" +
            "## Deep tissue massage\n" +
            "\n" +
            "[Deep tissue massage](/services/deep-tissue-massage) works slowly and firmly into muscle that sits below the surface, along with its surrounding connective tissue. It is aimed at tension that has built up over months or years.\n" +
            "\n" +
            "Firm does not mean painful. Paul will check in with you about pressure, and you are always in control. You may feel some tenderness for a day or two afterwards.\n" +
            "\n" +
            "### It may suit you if\n" +
            "\n" +
            "- Your pain feels muscular and has been around a while\n" +
            "- Lighter massage has felt nice but not reached the problem\n" +
            "- You have a physical job, play sport or sit for long hours\n" +
            "\n" +
            "## Trigger point therapy\n" +
            "\n" +
            "Trigger points are small, tight areas within a muscle, often described as knots. They can form after an injury or from repeating the same movement over and over. Pressing on one can cause pain that spreads to another area.\n" +
            "\n" +
            "[Trigger point therapy](/services/trigger-point-therapy) applies focused, sustained pressure to these spots to help them ease.\n" +
            "\n" +
            "### It may suit you if\n" +
            "\n" +
            "- You can point to a specific tender spot\n" +
            "- Your pain seems to travel, for example from your lower back into your buttock\n" +
            "- The trouble started after a strain or overuse\n" +
            "\n" +
            "## Myofascial release\n" +
            "\n" +
            "Fascia is a thin, strong layer of connective tissue that wraps around your muscles. When it becomes tight, you can feel stiff and restricted even if the muscles themselves are not especially sore.\n" +
            "\n" +
            "[Myofascial release](/services/myofascial-release) uses slow, sustained stretching and gentle pressure to help that tissue loosen.\n" +
            "\n" +
            "### It may suit you if\n" +
            "\n" +
            "- Stiffness bothers you more than sharp pain\n" +
            "- You feel worst first thing in the morning or after sitting still\n" +
            "- Movements like turning or bending feel limited\n" +
            "\n" +
            "## How Paul decides\n" +
            "\n" +
            "As a rough guide, pain that is mainly muscular tends to respond well to deep tissue work and trigger point therapy. Where stiffness is the main problem, myofascial release is often the better choice. For general tension and stress, Swedish massage is a sensible starting point.\n" +
            "\n" +
            "In practice, many sessions blend more than one technique. At your first visit Paul will ask about your symptoms, where it hurts and your medical history, then explain what he suggests and why. Read more about this in [why a course of treatment](/articles/why-a-course-of-treatment).\n" +
            "\n" +
            "## A note on safety\n" +
            "\n" +
            "Massage is not the right choice for everyone. If you have recently had surgery, have a blood clot, a fracture, a fever or certain skin conditions, please wait or speak to your GP first. If you are pregnant, tell Paul before booking. If you have numbness around the saddle area, new bladder or bowel problems, or worsening leg weakness, call 999 or go to A&E rather than booking a massage.\n" +
            "\n" +
            "## Not sure which to choose?\n" +
            "\n" +
            "That is completely fine. Pick the one that sounds closest, or simply [book a home visit](/book) and Paul will help you decide on the day.\n",
            "Massage is not one single treatment. Different techniques work in different ways, and the right one for you depends on what your back is doing and how it feels.\n" +
            "\n" +
            "Paul offers four techniques. You do not need to pick the perfect one before you book, because he will assess you on the first visit and adjust. Still, it can help to know what each one is for.\n" +
            "\n" +
            "## The four techniques at a glance\n" +
            "\n" +
            "- **Swedish massage** for general tension, stress and relaxation\n" +
            "- **Deep tissue massage** for long-held tension in deeper muscle layers\n" +
            "- **Trigger point therapy** for tight, tender knots in the muscle\n" +
            "- **Myofascial release** for stiffness and restricted movement\n" +
            "\n" +
            "## Swedish massage\n" +
            "\n" +
            "[Swedish massage](/services/swedish-massage) uses long, smooth strokes, gentle kneading and rhythmic movements. Pressure is usually light to moderate.\n" +
            "\n" +
            "It is a good fit if your back feels generally tight and tired, or if stress is part of the story. It helps you relax, encourages circulation and can be a comfortable introduction if you have never had a massage before.\n" +
            "\n" +
            "### It may suit you if\n" +
            "\n" +
            "- Your discomfort is mild and widespread rather than in one spot\n" +
            "- You carry stress in your shoulders and back\n" +
            "- You would prefer a gentler first session\n" +
            "\n" +
            "## Deep tissue massage\n" +
            "\n" +
            "[Deep tissue massage](/services/deep-tissue-massage) works slowly and firmly into muscle that sits below the surface, along with its surrounding connective tissue. It is aimed at tension that has built up over months or years.\n" +
            "\n" +
            "Firm does not mean painful. Paul will check in with you about pressure, and you are always in control. You may feel some tenderness for a day or two afterwards.\n" +
            "\n" +
            "### It may suit you if\n" +
            "\n" +
            "- Your pain feels muscular and has been around a while\n" +
            "- Lighter massage has felt nice but not reached the problem\n" +
            "- You have a physical job, play sport or sit for long hours\n" +
            "\n" +
            "## Trigger point therapy\n" +
            "\n" +
            "Trigger points are small, tight areas within a muscle, often described as knots. They can form after an injury or from repeating the same movement over and over. Pressing on one can cause pain that spreads to another area.\n" +
            "\n" +
            "[Trigger point therapy](/services/trigger-point-therapy) applies focused, sustained pressure to these spots to help them ease.\n" +
            "\n" +
            "### It may suit you if\n" +
            "\n" +
            "- You can point to a specific tender spot\n" +
            "- Your pain seems to travel, for example from your lower back into your buttock\n" +
            "- The trouble started after a strain or overuse\n" +
            "\n" +
            "## Myofascial release\n" +
            "\n" +
            "Fascia is a thin, strong layer of connective tissue that wraps around your muscles. When it becomes tight, you can feel stiff and restricted even if the muscles themselves are not especially sore.\n" +
            "\n" +
            "[Myofascial release](/services/myofascial-release) uses slow, sustained stretching and gentle pressure to help that tissue loosen.\n" +
            "\n" +
            "### It may suit you if\n" +
            "\n" +
            "- Stiffness bothers you more than sharp pain\n" +
            "- You feel worst first thing in the morning or after sitting still\n" +
            "- Movements like turning or bending feel limited\n" +
            "\n" +
            "## How Paul decides\n" +
            "\n" +
            "As a rough guide, pain that is mainly muscular tends to respond well to deep tissue work and trigger point therapy. Where stiffness is the main problem, myofascial release is often the better choice. For general tension and stress, Swedish massage is a sensible starting point.\n" +
            "\n" +
            "In practice, many sessions blend more than one technique. At your first visit Paul will ask about your symptoms, where it hurts and your medical history, then explain what he suggests and why. Read more about this in [why a course of treatment](/articles/why-a-course-of-treatment).\n" +
            "\n" +
            "## A note on safety\n" +
            "\n" +
            "Each treatment has its own reasons to wait or to check with your GP first, and each treatment's page lists them under \"When it is not the right choice\": firm pressure and blood thinners for [deep tissue massage](/services/deep-tissue-massage), nerve pain down a leg for [trigger point therapy](/services/trigger-point-therapy), healing scars and fragile skin for [myofascial release](/services/myofascial-release). Whatever you choose, the warning signs in [understanding back pain](/articles/understanding-back-pain#when-to-get-medical-help-first) come first: some of them need 999, not a massage.\n" +
            "\n" +
            "## Not sure which to choose?\n" +
            "\n" +
            "That is completely fine. Pick the one that sounds closest, or simply [book a home visit](/book) and Paul will help you decide on the day.\n"),
        new("Articles", "BodyMarkdown", "how-massage-helps-back-pain",
            "When your back aches, it is natural to wonder whether massage will really make a difference or simply feel pleasant for an hour. The honest answer is that for many people with muscle-related back pain, it can help in a number of practical ways. It is not a cure-all, and it works best as part of a wider plan.\n" +
            "\n" +
            "Here is what massage can do, and what it cannot.\n" +
            "\n" +
            "## Easing muscle tension\n" +
            "\n" +
            "Tight muscles are one of the most common drivers of back pain. When a muscle stays contracted for long periods, it can feel sore, restrict how you move and pull on the structures around it.\n" +
            "\n" +
            "Massage works directly on that tightness. Through pressure, kneading and slow strokes, Paul helps tense muscles let go. Many clients notice they feel looser by the end of a session, although some tenderness the next day is normal, especially after deeper work.\n" +
            "\n" +
            "## Helping circulation\n" +
            "\n" +
            "Pressure and movement during a massage encourage blood to flow through the tissues being worked on. Better blood flow brings oxygen and nutrients to tired muscles and helps them recover. This is one reason a gentle, flowing [Swedish massage](/services/swedish-massage) can be a good place to start if you are new to treatment.\n" +
            "\n" +
            "## Releasing endorphins\n" +
            "\n" +
            "Massage can prompt the body to release endorphins, its own natural pain-relieving chemicals. These can take the edge off how strongly you feel pain and help you relax. Being in pain is stressful, and stress tends to make muscles tighten further, so a calmer nervous system can help break that cycle.\n" +
            "\n" +
            "## Improving flexibility and movement\n" +
            "\n" +
            "Over a series of sessions, softer muscles and freer connective tissue can make it easier to bend, twist and reach. A better range of motion means everyday tasks, such as putting on socks or getting in and out of the car, may become less of a struggle. Looser, more flexible muscles may also be less likely to strain again.\n" +
            "\n" +
            "Techniques like [myofascial release](/services/myofascial-release) focus on the stiff connective tissue around muscles, while [trigger point therapy](/services/trigger-point-therapy) targets specific knots and [deep tissue massage](/services/deep-tissue-massage) reaches deeper tension.\n" +
            "\n" +
            "## What the research says\n" +
            "\n" +
            "Studies of massage for back pain have reported that, for many people, it can reduce both how intense the pain feels and how much it limits daily life. Some of that benefit appears to build up over time rather than arriving all at once. Results vary from person to person, and the strongest effects tend to be seen when massage sits alongside staying active and other sensible self-care.\n" +
            "\n" +
            "That is why Paul usually suggests a short course of treatment rather than a single visit. You can read why in [why a course of treatment](/articles/why-a-course-of-treatment).\n" +
            "\n" +
            "## What massage cannot do\n" +
            "\n" +
            "It is important to be clear about the limits:\n" +
            "\n" +
            "- Massage does not fix structural problems such as a damaged disc or a fracture.\n" +
            "- It does not replace medical diagnosis or treatment.\n" +
            "- It is not suitable for everyone, for example straight after surgery or if you have a blood clot.\n" +
            "\n" +
            "If you are under the care of a GP, physiotherapist or consultant, it is worth mentioning that you are planning massage, and letting Paul know about any diagnosis at your assessment.\n" +
            "\n" +
            "## Warning signs that need a doctor, not a massage\n" +
            "\n" +
            "Please do not book a massage if you have back pain along with any of the following. **Call 999 or go to A&E** instead:\n" +
            "\n" +
            "- Numbness around your bottom, genitals or inner thighs (the saddle area)\n" +
            "- New difficulty controlling or passing urine, or new bowel problems\n" +
            "- Leg weakness that is getting worse\n" +
            "\n" +
            "For pain after a fall, pain with a fever, or pain with unexplained weight loss, contact your GP or NHS 111 first. For more on this, see [understanding back pain](/articles/understanding-back-pain).\n" +
            "\n" +
            "## Ready to try it?\n" +
            "\n" +
            "If your pain feels muscular and none of the warning signs apply, Paul can visit you at home, assess your back and suggest which approach is likely to suit you. [Book a home visit](/book) when you feel ready.\n",
            "When your back aches, it is natural to wonder whether massage will really make a difference or simply feel pleasant for an hour. The honest answer is that for many people with muscle-related back pain, it can help in a number of practical ways. It is not a cure-all, and it works best as part of a wider plan.\n" +
            "\n" +
            "Here is what massage can do, and what it cannot.\n" +
            "\n" +
            "## Easing muscle tension\n" +
            "\n" +
            "Tight muscles are one of the most common drivers of back pain. When a muscle stays contracted for long periods, it can feel sore, restrict how you move and pull on the structures around it.\n" +
            "\n" +
            "Massage works directly on that tightness. Through pressure, kneading and slow strokes, Paul helps tense muscles let go. Many clients notice they feel looser by the end of a session, although some tenderness the next day is normal, especially after deeper work.\n" +
            "\n" +
            "## Helping circulation\n" +
            "\n" +
            "Pressure and movement during a massage encourage blood to flow through the tissues being worked on. Better blood flow brings oxygen and nutrients to tired muscles and helps them recover. This is one reason a gentle, flowing [Swedish massage](/services/swedish-massage) can be a good place to start if you are new to treatment.\n" +
            "\n" +
            "## Releasing endorphins\n" +
            "\n" +
            "Massage can prompt the body to release endorphins, its own natural pain-relieving chemicals. These can take the edge off how strongly you feel pain and help you relax. Being in pain is stressful, and stress tends to make muscles tighten further, so a calmer nervous system can help break that cycle.\n" +
            "\n" +
            "## Improving flexibility and movement\n" +
            "\n" +
            "Over a series of sessions, softer muscles and freer connective tissue can make it easier to bend, twist and reach. A better range of motion means everyday tasks, such as putting on socks or getting in and out of the car, may become less of a struggle. Looser, more flexible muscles may also be less likely to strain again.\n" +
            "\n" +
            "Techniques like [myofascial release](/services/myofascial-release) focus on the stiff connective tissue around muscles, while [trigger point therapy](/services/trigger-point-therapy) targets specific knots and [deep tissue massage](/services/deep-tissue-massage) reaches deeper tension.\n" +
            "\n" +
            "## What the research says\n" +
            "\n" +
            "The evidence is encouraging but modest, and it is fair to say so plainly.\n" +
            "\n" +
            "- **NICE**, which advises the NHS in England, says massage and other hands-on treatments are worth considering for low back pain, with or without sciatica, but only as part of a package that includes exercise ([NICE guideline NG59](https://www.nice.org.uk/guidance/ng59)). Massage on its own is not what it recommends.\n" +
            "- **A Cochrane review** that pooled the trials of massage for low back pain found that it may ease pain and help people get on with daily activities in the short term, for pain that has lasted more than a few weeks. The authors rated the evidence as low quality and found little sign that the benefit lasted once treatment stopped ([Furlan and others, 2015](https://doi.org/10.1002/14651858.CD001929.pub3)).\n" +
            "- **One large trial** in the United States gave people with long-lasting low back pain ten weekly massages; they could do more in daily life at the end of the ten weeks than those given usual care, and some of that gain was still there six months on ([Cherkin and others, 2011](https://doi.org/10.7326/0003-4819-155-1-201107050-00002)).\n" +
            "\n" +
            "So massage tends to help most when it comes as a series of sessions and sits alongside staying active, and results vary from person to person.\n" +
            "\n" +
            "That is why Paul usually suggests a short course of treatment rather than a single visit. You can read why in [why a course of treatment](/articles/why-a-course-of-treatment).\n" +
            "\n" +
            "## What massage cannot do\n" +
            "\n" +
            "It is important to be clear about the limits:\n" +
            "\n" +
            "- Massage does not fix structural problems such as a damaged disc or a fracture.\n" +
            "- It does not replace medical diagnosis or treatment.\n" +
            "- It is not suitable for everyone, for example straight after surgery or if you have a blood clot.\n" +
            "\n" +
            "If you are under the care of a GP, physiotherapist or consultant, it is worth mentioning that you are planning massage, and letting Paul know about any diagnosis at your assessment.\n" +
            "\n" +
            "## Warning signs that need a doctor, not a massage\n" +
            "\n" +
            "Please do not book a massage if you have back pain along with any of the following. **Call 999 or go to A&E** instead:\n" +
            "\n" +
            "- Numbness around your bottom, genitals or inner thighs (the saddle area)\n" +
            "- New difficulty controlling or passing urine, or new bowel problems\n" +
            "- Leg weakness that is getting worse\n" +
            "\n" +
            "For pain after a fall, pain with a fever, or pain with unexplained weight loss, contact your GP or NHS 111 first. For more on this, see [understanding back pain](/articles/understanding-back-pain).\n" +
            "\n" +
            "## Ready to try it?\n" +
            "\n" +
            "If your pain feels muscular and none of the warning signs apply, Paul can visit you at home, assess your back and suggest which approach is likely to suit you. [Book a home visit](/book) when you feel ready.\n" +
            "\n" +
            "## Sources\n" +
            "\n" +
            "- NICE guideline NG59, *Low back pain and sciatica in over 16s: assessment and management* (2016, updated 2020): [nice.org.uk/guidance/ng59](https://www.nice.org.uk/guidance/ng59)\n" +
            "- Furlan AD and others, *Massage for low-back pain*, Cochrane Database of Systematic Reviews, 2015: [doi.org/10.1002/14651858.CD001929.pub3](https://doi.org/10.1002/14651858.CD001929.pub3)\n" +
            "- Cherkin DC and others, *A comparison of the effects of 2 types of massage and usual care on chronic low back pain: a randomized, controlled trial*, Annals of Internal Medicine, 2011: [doi.org/10.7326/0003-4819-155-1-201107050-00002](https://doi.org/10.7326/0003-4819-155-1-201107050-00002)\n" +
            "- NHS, *Back pain*: [nhs.uk/conditions/back-pain](https://www.nhs.uk/conditions/back-pain/)\n"),
        new("Articles", "BodyMarkdown", "keeping-your-back-pain-free",
            "Once your back starts to feel better, the goal is to keep it that way. There is no guarantee that pain will never return, but small, steady habits can lower the chances and help you recover faster if it does.\n" +
            "\n" +
            "None of this needs to be complicated. Consistency matters far more than perfection.\n" +
            "\n" +
            "## Keep up regular treatment\n" +
            "\n" +
            "After a course of treatment has settled your pain, many people find that an occasional session helps keep tension from building up again. That might be every few weeks or once a month, depending on your job, lifestyle and how your back responds.\n" +
            "\n" +
            "A relaxing [Swedish massage](/services/swedish-massage) can be a good choice for general upkeep, while [deep tissue massage](/services/deep-tissue-massage) may suit you if tension tends to creep back in the same areas. Paul can help you find a rhythm that works.\n" +
            "\n" +
            "## Stay active\n" +
            "\n" +
            "Movement is one of the best things you can do for your back. Regular activity keeps the supporting muscles strong and the joints moving freely.\n" +
            "\n" +
            "- Walking, swimming and cycling are all gentle on the back.\n" +
            "- Pilates or yoga can build core strength and flexibility.\n" +
            "- If you sit for long periods, get up and move around every 30 to 45 minutes.\n" +
            "\n" +
            "Start slowly, especially if you have been inactive, and build up over time. If you have a health condition, ask your GP what is suitable.\n" +
            "\n" +
            "## Drink enough water\n" +
            "\n" +
            "Staying well hydrated supports your muscles and general health. The NHS suggests around six to eight glasses of fluid a day for most adults, more if you are active or it is hot.\n" +
            "\n" +
            "## Think about your posture\n" +
            "\n" +
            "Good posture is not about sitting rigidly upright all day. It is about not staying slumped in one position for hours.\n" +
            "\n" +
            "- Keep your shoulders relaxed rather than hunched towards your ears.\n" +
            "- Hold your phone closer to eye level instead of looking down for long stretches.\n" +
            "- When lifting, bend your knees, keep the load close and avoid twisting.\n" +
            "\n" +
            "## Set up your workspace\n" +
            "\n" +
            "If you work at a desk, a few changes can take a lot of strain off your back:\n" +
            "\n" +
            "- **Screen:** the top of the screen at or just below eye level, about an arm's length away\n" +
            "- **Chair:** supports the curve of your lower back, with feet flat on the floor or a footrest\n" +
            "- **Keyboard and mouse:** close enough that your elbows stay by your sides\n" +
            "- **Laptop:** if you use one for long periods, a stand with a separate keyboard helps\n" +
            "\n" +
            "Your employer may be able to arrange a workstation assessment if you ask.\n" +
            "\n" +
            "## Look at how you sleep\n" +
            "\n" +
            "You spend roughly a third of your life in bed, so your sleeping position matters.\n" +
            "\n" +
            "- **On your side:** a pillow between your knees can keep your hips and spine in line.\n" +
            "- **On your back:** a pillow under your knees can ease pressure on your lower back.\n" +
            "- **On your front:** this can strain your neck and back; if you can, try shifting to your side.\n" +
            "\n" +
            "A mattress that is too soft or very old may also play a part. There is no single best type, so choose what feels supportive and comfortable for you.\n" +
            "\n" +
            "## Between sessions\n" +
            "\n" +
            "Simple tools like a tennis ball or gentle stretches can help you look after your back at home. See [self-help between visits](/articles/self-help-between-visits) for ideas.\n" +
            "\n" +
            "## Know when to seek help\n" +
            "\n" +
            "If back pain returns and is not settling after a few weeks, speak to your GP. If you ever have numbness around your bottom or genitals, new bladder or bowel problems, or worsening weakness in your legs, call 999 or go to A&E straight away.\n" +
            "\n" +
            "## Stay on top of it\n" +
            "\n" +
            "If you would like a regular session to help keep your back in good shape, Paul can come to your home at a time that suits you. [Book a home visit](/book).\n",
            "Once your back starts to feel better, the goal is to keep it that way. There is no guarantee that pain will never return, but small, steady habits can lower the chances and help you recover faster if it does.\n" +
            "\n" +
            "None of this needs to be complicated. Consistency matters far more than perfection.\n" +
            "\n" +
            "## Keep up regular treatment\n" +
            "\n" +
            "After a course of treatment has settled your pain, many people find that an occasional session helps keep tension from building up again. That might be every few weeks or once a month, depending on your job, lifestyle and how your back responds.\n" +
            "\n" +
            "A relaxing [Swedish massage](/services/swedish-massage) can be a good choice for general upkeep, while [deep tissue massage](/services/deep-tissue-massage) may suit you if tension tends to creep back in the same areas. Paul can help you find a rhythm that works.\n" +
            "\n" +
            "## Stay active\n" +
            "\n" +
            "Movement is one of the best things you can do for your back. Regular activity keeps the supporting muscles strong and the joints moving freely, and both the NHS and NICE advise staying active, and exercise, for low back pain ([NHS: back pain](https://www.nhs.uk/conditions/back-pain/); [NICE guideline NG59](https://www.nice.org.uk/guidance/ng59)).\n" +
            "\n" +
            "- Walking, swimming and cycling are all gentle on the back.\n" +
            "- Pilates or yoga can build core strength and flexibility.\n" +
            "- If you sit for long periods, get up and move around every 30 to 45 minutes.\n" +
            "\n" +
            "Start slowly, especially if you have been inactive, and build up over time. If you have a health condition, ask your GP what is suitable.\n" +
            "\n" +
            "## Drink enough water\n" +
            "\n" +
            "Staying well hydrated supports your muscles and general health. The NHS suggests around six to eight glasses of fluid a day for most adults, more if you are active or it is hot.\n" +
            "\n" +
            "## Think about your posture\n" +
            "\n" +
            "Good posture is not about sitting rigidly upright all day. It is about not staying slumped in one position for hours.\n" +
            "\n" +
            "- Keep your shoulders relaxed rather than hunched towards your ears.\n" +
            "- Hold your phone closer to eye level instead of looking down for long stretches.\n" +
            "- When lifting, bend your knees, keep the load close and avoid twisting.\n" +
            "\n" +
            "## Set up your workspace\n" +
            "\n" +
            "If you work at a desk, a few changes can take a lot of strain off your back:\n" +
            "\n" +
            "- **Screen:** the top of the screen at or just below eye level, about an arm's length away\n" +
            "- **Chair:** supports the curve of your lower back, with feet flat on the floor or a footrest\n" +
            "- **Keyboard and mouse:** close enough that your elbows stay by your sides\n" +
            "- **Laptop:** if you use one for long periods, a stand with a separate keyboard helps\n" +
            "\n" +
            "Your employer may be able to arrange a workstation assessment if you ask.\n" +
            "\n" +
            "## Look at how you sleep\n" +
            "\n" +
            "You spend roughly a third of your life in bed, so your sleeping position matters.\n" +
            "\n" +
            "- **On your side:** a pillow between your knees can keep your hips and spine in line.\n" +
            "- **On your back:** a pillow under your knees can ease pressure on your lower back.\n" +
            "- **On your front:** this can strain your neck and back; if you can, try shifting to your side.\n" +
            "\n" +
            "A mattress that is too soft or very old may also play a part. There is no single best type, so choose what feels supportive and comfortable for you.\n" +
            "\n" +
            "## Between sessions\n" +
            "\n" +
            "Simple tools like a tennis ball or gentle stretches can help you look after your back at home. See [self-help between visits](/articles/self-help-between-visits) for ideas.\n" +
            "\n" +
            "## Know when to seek help\n" +
            "\n" +
            "If back pain returns and is not settling after a few weeks, speak to your GP. If you ever have numbness around your bottom or genitals, new bladder or bowel problems, or worsening weakness in your legs, call 999 or go to A&E straight away.\n" +
            "\n" +
            "## Stay on top of it\n" +
            "\n" +
            "If you would like a regular session to help keep your back in good shape, Paul can come to your home at a time that suits you. [Book a home visit](/book).\n" +
            "\n" +
            "## Sources\n" +
            "\n" +
            "- NHS, *Back pain*: [nhs.uk/conditions/back-pain](https://www.nhs.uk/conditions/back-pain/)\n" +
            "- NICE guideline NG59, *Low back pain and sciatica in over 16s: assessment and management* (2016, updated 2020): [nice.org.uk/guidance/ng59](https://www.nice.org.uk/guidance/ng59)\n"),
        new("Articles", "BodyMarkdown", "self-help-between-visits",
            "What you do between appointments can make a real difference to how your back feels. A few minutes of gentle self-care most days can help you hold on to the progress from each session.\n" +
            "\n" +
            "These ideas are meant to support professional treatment, not replace it. They are also no substitute for medical advice if something feels wrong.\n" +
            "\n" +
            "## Before you start\n" +
            "\n" +
            "- Go gently. Mild discomfort is fine; sharp or increasing pain is a sign to stop.\n" +
            "- Avoid pressing directly on your spine or on any bony area.\n" +
            "- Do not work on an area that is hot, swollen, bruised or recently injured.\n" +
            "- If you have a medical condition, are pregnant or have had recent surgery, check with your GP or physiotherapist first.\n" +
            "\n" +
            "## The tennis ball against a wall\n" +
            "\n" +
            "This is one of the simplest and cheapest ways to ease tight spots in your back.\n" +
            "\n" +
            "### How to do it\n" +
            "\n" +
            "1. Stand with your back to a wall, feet about a step away from it.\n" +
            "2. Place a tennis ball between the wall and the muscle beside your spine (not on the spine itself).\n" +
            "3. Lean back so the ball presses into the muscle.\n" +
            "4. Bend and straighten your knees slowly to roll the ball up and down.\n" +
            "5. When you find a tender spot, pause and breathe for 20 to 30 seconds while it softens.\n" +
            "\n" +
            "Spend a few minutes on each side. If a tennis ball feels too firm, try a softer ball. It is a home version of the idea behind [trigger point therapy](/services/trigger-point-therapy), though much less precise.\n" +
            "\n" +
            "## A handheld massager\n" +
            "\n" +
            "A handheld massager can help reach places that are awkward to get to, such as around your shoulder blades or lower back.\n" +
            "\n" +
            "### Tips\n" +
            "\n" +
            "- Start on the lowest setting.\n" +
            "- Keep it moving rather than holding it on one spot for long.\n" +
            "- Use it on muscle, not over bone or the spine.\n" +
            "- A few minutes per area is plenty.\n" +
            "\n" +
            "## Gentle stretches and yoga\n" +
            "\n" +
            "Movement helps keep muscles and the connective tissue around them supple, which fits well with the aims of [myofascial release](/services/myofascial-release). Gentle stretching or a beginners' yoga class can also help you relax.\n" +
            "\n" +
            "### Easy stretches to try\n" +
            "\n" +
            "- **Knee hugs:** lie on your back and gently draw one or both knees towards your chest. Hold for 20 seconds.\n" +
            "- **Cat and cow:** on hands and knees, slowly arch and round your back in time with your breath.\n" +
            "- **Child's pose:** kneel, sit back towards your heels and stretch your arms forward along the floor.\n" +
            "- **Pelvic tilts:** lie on your back with knees bent and gently flatten, then release, the curve of your lower back.\n" +
            "\n" +
            "Move slowly, breathe steadily and never force a stretch. A few minutes a day is more useful than a long session once a week. If you are unsure which stretches are right for you, ask Paul at your next visit or speak to a physiotherapist.\n" +
            "\n" +
            "## Knowing the limits\n" +
            "\n" +
            "Self-help can ease tension and help you feel more in control, but it is usually not as effective as hands-on treatment, and it cannot diagnose what is going on. Think of it as a bridge between sessions.\n" +
            "\n" +
            "Stop and get medical advice if your pain is getting worse, spreading down your leg, or not improving after a few weeks. If you notice numbness around your bottom or genitals, new bladder or bowel problems, or worsening weakness in your legs, call 999 or go to A&E straight away.\n" +
            "\n" +
            "For longer-term habits, see [keeping your back pain-free](/articles/keeping-your-back-pain-free).\n" +
            "\n" +
            "## Time for some hands-on help?\n" +
            "\n" +
            "If home remedies are only taking the edge off, Paul can visit you, assess your back and tailor a treatment. [Book a home visit](/book).\n",
            "What you do between appointments can make a real difference to how your back feels. A few minutes of gentle self-care most days can help you hold on to the progress from each session.\n" +
            "\n" +
            "These ideas are meant to support professional treatment, not replace it. They are also no substitute for medical advice if something feels wrong.\n" +
            "\n" +
            "## Before you start\n" +
            "\n" +
            "- Go gently. Mild discomfort is fine; sharp or increasing pain is a sign to stop.\n" +
            "- Avoid pressing directly on your spine or on any bony area.\n" +
            "- Do not work on an area that is hot, swollen, bruised or recently injured.\n" +
            "- If you have a medical condition, are pregnant or have had recent surgery, check with your GP or physiotherapist first.\n" +
            "\n" +
            "## The tennis ball against a wall\n" +
            "\n" +
            "This is one of the simplest and cheapest ways to ease tight spots in your back.\n" +
            "\n" +
            "### How to do it\n" +
            "\n" +
            "1. Stand with your back to a wall, feet about a step away from it.\n" +
            "2. Place a tennis ball between the wall and the muscle beside your spine (not on the spine itself).\n" +
            "3. Lean back so the ball presses into the muscle.\n" +
            "4. Bend and straighten your knees slowly to roll the ball up and down.\n" +
            "5. When you find a tender spot, pause and breathe for 20 to 30 seconds while it softens.\n" +
            "\n" +
            "![A person standing with their back to a wall, knees slightly bent, a tennis ball held between the wall and the muscle beside the spine; an arrow shows them rolling it up and down](/img/drawings/tennis-ball-against-a-wall.svg)\n" +
            "\n" +
            "Spend a few minutes on each side. If a tennis ball feels too firm, try a softer ball. It is a home version of the idea behind [trigger point therapy](/services/trigger-point-therapy), though much less precise.\n" +
            "\n" +
            "## A handheld massager\n" +
            "\n" +
            "A handheld massager can help reach places that are awkward to get to, such as around your shoulder blades or lower back.\n" +
            "\n" +
            "### Tips\n" +
            "\n" +
            "- Start on the lowest setting.\n" +
            "- Keep it moving rather than holding it on one spot for long.\n" +
            "- Use it on muscle, not over bone or the spine.\n" +
            "- A few minutes per area is plenty.\n" +
            "\n" +
            "![A person sitting on a stool, reaching behind with one hand to hold a handheld massager on the muscle of the lower back, beside the spine](/img/drawings/handheld-massager.svg)\n" +
            "\n" +
            "## Gentle stretches and yoga\n" +
            "\n" +
            "Staying active is one of the main things the NHS and NICE advise for back pain ([NHS: back pain](https://www.nhs.uk/conditions/back-pain/); [NICE guideline NG59](https://www.nice.org.uk/guidance/ng59)). Movement helps keep muscles and the connective tissue around them supple, which fits well with the aims of [myofascial release](/services/myofascial-release). Gentle stretching or a beginners' yoga class can also help you relax.\n" +
            "\n" +
            "### Easy stretches to try\n" +
            "\n" +
            "- **Knee hugs:** lie on your back and gently draw one or both knees towards your chest. Hold for 20 seconds.\n" +
            "\n" +
            "  ![A person lying on their back on the floor, hands around their bent knees, drawing them towards the chest](/img/drawings/knee-hug.svg)\n" +
            "\n" +
            "- **Cat and cow:** on hands and knees, slowly arch and round your back in time with your breath.\n" +
            "\n" +
            "  ![A person on hands and knees: a solid line shows the back rounded up towards the ceiling, a dashed line shows it gently dipping towards the floor](/img/drawings/cat-and-cow.svg)\n" +
            "\n" +
            "- **Child's pose:** kneel, sit back towards your heels and stretch your arms forward along the floor.\n" +
            "\n" +
            "  ![A person kneeling with their bottom sitting back towards the heels, head low and arms stretched forward along the floor](/img/drawings/childs-pose.svg)\n" +
            "\n" +
            "- **Pelvic tilts:** lie on your back with knees bent and gently flatten, then release, the curve of your lower back.\n" +
            "\n" +
            "  ![A person lying on their back with knees bent and feet flat; an arrow shows the small of the back pressing gently down towards the floor](/img/drawings/pelvic-tilt.svg)\n" +
            "\n" +
            "Move slowly, breathe steadily and never force a stretch. A few minutes a day is more useful than a long session once a week. If you are unsure which stretches are right for you, ask Paul at your next visit or speak to a physiotherapist.\n" +
            "\n" +
            "## Knowing the limits\n" +
            "\n" +
            "Self-help can ease tension and help you feel more in control, but it is usually not as effective as hands-on treatment, and it cannot diagnose what is going on. Think of it as a bridge between sessions.\n" +
            "\n" +
            "Stop and get medical advice if your pain is getting worse, spreading down your leg, or not improving after a few weeks. If you notice numbness around your bottom or genitals, new bladder or bowel problems, or worsening weakness in your legs, call 999 or go to A&E straight away.\n" +
            "\n" +
            "For longer-term habits, see [keeping your back pain-free](/articles/keeping-your-back-pain-free).\n" +
            "\n" +
            "## Time for some hands-on help?\n" +
            "\n" +
            "If home remedies are only taking the edge off, Paul can visit you, assess your back and tailor a treatment. [Book a home visit](/book).\n" +
            "\n" +
            "## Sources\n" +
            "\n" +
            "- NICE guideline NG59, *Low back pain and sciatica in over 16s: assessment and management* (2016, updated 2020): [nice.org.uk/guidance/ng59](https://www.nice.org.uk/guidance/ng59)\n" +
            "- NHS, *Back pain*: [nhs.uk/conditions/back-pain](https://www.nhs.uk/conditions/back-pain/)\n"),
        new("Articles", "BodyMarkdown", "understanding-back-pain",
            "If your back hurts, you are far from alone. Back pain is one of the most common reasons people in the UK visit a GP. It can arrive as a sudden sharp catch when you bend, or settle in as a dull ache that follows you through the day.\n" +
            "\n" +
            "Knowing a little about where the pain comes from can make it feel less frightening, and it can help you decide what kind of help to look for.\n" +
            "\n" +
            "## What your back is made of\n" +
            "\n" +
            "Your back is not one single thing. It is a working system of several parts that all depend on each other:\n" +
            "\n" +
            "- **Muscles** that hold you upright and move your spine\n" +
            "- **Ligaments** that tie the bones of the spine together\n" +
            "- **Tendons** that attach muscles to bone\n" +
            "- **Discs** that sit between the vertebrae and act as cushions\n" +
            "- **Nerves** that run from the spinal cord out to the rest of your body\n" +
            "\n" +
            "When one part is tight, tired or out of balance, the others often have to work harder to make up for it. That is why pain can appear in a place that seems some distance from where the trouble started.\n" +
            "\n" +
            "## Common causes of back pain\n" +
            "\n" +
            "### Posture\n" +
            "\n" +
            "Hours spent hunched over a laptop, looking down at a phone or slumped on the sofa put steady load on the same muscles. Over time they tire, tighten and begin to ache. Poor posture rarely causes a single dramatic injury, but it often sits quietly behind long-running discomfort.\n" +
            "\n" +
            "### Not moving enough\n" +
            "\n" +
            "Our backs are built to move. When most of the day is spent sitting, the muscles that support the spine can weaken and stiffen, and the joints lose some of their easy range. An inactive routine is one of the most frequent reasons people tell Paul their back \"just started hurting\".\n" +
            "\n" +
            "### Muscle strain\n" +
            "\n" +
            "Lifting something awkwardly, a sudden twist in the garden or a burst of unfamiliar exercise can overstretch or slightly tear muscle fibres. Strains are usually painful rather than serious, and most ease within a few weeks. Sometimes, though, they leave behind tight, tender knots that keep aching long after the original injury has healed.\n" +
            "\n" +
            "### Underlying medical conditions\n" +
            "\n" +
            "Back pain can also be linked to conditions such as arthritis, disc problems, sciatica or other health issues. Massage may still help with the muscle tension that often comes alongside these, but it does not treat the condition itself. If you have a diagnosis, or suspect something more is going on, your GP or physiotherapist should be part of the picture.\n" +
            "\n" +
            "## Short-term and long-term pain\n" +
            "\n" +
            "Doctors often describe back pain as **acute** (it started recently and usually settles within six weeks) or **chronic** (it has lasted three months or more). Both are real and both deserve attention. Long-running pain in particular can wear you down, disturb your sleep and affect your mood, which in turn can make the pain feel worse.\n" +
            "\n" +
            "## When to get medical help first\n" +
            "\n" +
            "Most back pain is not caused by anything serious. Even so, some symptoms need a doctor rather than a massage therapist.\n" +
            "\n" +
            "**Call 999 or go to A&E straight away** if you have back pain with any of these:\n" +
            "\n" +
            "- Numbness or tingling around your bottom, genitals or inner thighs (the \"saddle\" area)\n" +
            "- New problems controlling or emptying your bladder or bowels\n" +
            "- Weakness in your legs that is getting worse, or trouble walking\n" +
            "\n" +
            "**Speak to your GP or call NHS 111** if your pain:\n" +
            "\n" +
            "- Followed a fall or accident\n" +
            "- Comes with a high temperature, or you feel generally unwell\n" +
            "- Comes with weight loss you cannot explain\n" +
            "- Is not improving after a few weeks, or keeps getting worse\n" +
            "\n" +
            "If any of these apply, please get checked first. Paul is always happy to see you once a doctor has ruled out anything serious.\n" +
            "\n" +
            "## Where massage fits in\n" +
            "\n" +
            "For the many people whose pain is muscle-related, hands-on treatment can be a useful part of recovery. Depending on what is going on, Paul might use [deep tissue massage](/services/deep-tissue-massage) for long-held tension, [trigger point therapy](/services/trigger-point-therapy) for stubborn knots, or [myofascial release](/services/myofascial-release) where stiffness is the main complaint.\n" +
            "\n" +
            "You can read more in [how massage helps back pain](/articles/how-massage-helps-back-pain) and [choosing a massage technique](/articles/choosing-a-massage-technique).\n" +
            "\n" +
            "## Next step\n" +
            "\n" +
            "If your back has been bothering you and the warning signs above do not apply, Paul can come to you, assess what is going on and talk you through the options. When you are ready, [book a home visit](/book).\n",
            "If your back hurts, you are far from alone. Back pain is one of the most common reasons people in the UK visit a GP. It can arrive as a sudden sharp catch when you bend, or settle in as a dull ache that follows you through the day.\n" +
            "\n" +
            "Knowing a little about where the pain comes from can make it feel less frightening, and it can help you decide what kind of help to look for.\n" +
            "\n" +
            "## What your back is made of\n" +
            "\n" +
            "Your back is not one single thing. It is a working system of several parts that all depend on each other:\n" +
            "\n" +
            "- **Muscles** that hold you upright and move your spine\n" +
            "- **Ligaments** that tie the bones of the spine together\n" +
            "- **Tendons** that attach muscles to bone\n" +
            "- **Discs** that sit between the vertebrae and act as cushions\n" +
            "- **Nerves** that run from the spinal cord out to the rest of your body\n" +
            "\n" +
            "When one part is tight, tired or out of balance, the others often have to work harder to make up for it. That is why pain can appear in a place that seems some distance from where the trouble started.\n" +
            "\n" +
            "## Common causes of back pain\n" +
            "\n" +
            "### Posture\n" +
            "\n" +
            "Hours spent hunched over a laptop, looking down at a phone or slumped on the sofa put steady load on the same muscles. Over time they tire, tighten and begin to ache. Poor posture rarely causes a single dramatic injury, but it often sits quietly behind long-running discomfort.\n" +
            "\n" +
            "### Not moving enough\n" +
            "\n" +
            "Our backs are built to move. When most of the day is spent sitting, the muscles that support the spine can weaken and stiffen, and the joints lose some of their easy range. An inactive routine is one of the most frequent reasons people tell Paul their back \"just started hurting\".\n" +
            "\n" +
            "### Muscle strain\n" +
            "\n" +
            "Lifting something awkwardly, a sudden twist in the garden or a burst of unfamiliar exercise can overstretch or slightly tear muscle fibres. Strains are usually painful rather than serious, and most ease within a few weeks. Sometimes, though, they leave behind tight, tender knots that keep aching long after the original injury has healed.\n" +
            "\n" +
            "### Underlying medical conditions\n" +
            "\n" +
            "Back pain can also be linked to conditions such as arthritis, disc problems, sciatica or other health issues. Massage may still help with the muscle tension that often comes alongside these, but it does not treat the condition itself. If you have a diagnosis, or suspect something more is going on, your GP or physiotherapist should be part of the picture.\n" +
            "\n" +
            "## Short-term and long-term pain\n" +
            "\n" +
            "Doctors often describe back pain as **acute** (it started recently and usually settles within six weeks) or **chronic** (it has lasted three months or more). Both are real and both deserve attention. Long-running pain in particular can wear you down, disturb your sleep and affect your mood, which in turn can make the pain feel worse.\n" +
            "\n" +
            "## When to get medical help first\n" +
            "\n" +
            "Most back pain is not caused by anything serious and gets better within a few weeks ([NHS: back pain](https://www.nhs.uk/conditions/back-pain/)). Even so, some symptoms need a doctor rather than a massage therapist. The first group below can be signs of cauda equina syndrome, pressure on the nerves at the bottom of the spine, which needs treating in hospital quickly ([NHS: cauda equina syndrome](https://www.nhs.uk/conditions/cauda-equina-syndrome/)).\n" +
            "\n" +
            "**Call 999 or go to A&E straight away** if you have back pain with any of these:\n" +
            "\n" +
            "- Numbness or tingling around your bottom, genitals or inner thighs (the \"saddle\" area)\n" +
            "- New problems controlling or emptying your bladder or bowels\n" +
            "- Weakness in your legs that is getting worse, or trouble walking\n" +
            "\n" +
            "**Speak to your GP or call NHS 111** if your pain:\n" +
            "\n" +
            "- Followed a fall or accident\n" +
            "- Comes with a high temperature, or you feel generally unwell\n" +
            "- Comes with weight loss you cannot explain\n" +
            "- Is not improving after a few weeks, or keeps getting worse\n" +
            "\n" +
            "If any of these apply, please get checked first. Paul is always happy to see you once a doctor has ruled out anything serious.\n" +
            "\n" +
            "## Where massage fits in\n" +
            "\n" +
            "For the many people whose pain is muscle-related, hands-on treatment can be a useful part of recovery. NICE's guideline on low back pain and sciatica puts it alongside exercise rather than in place of it ([NICE guideline NG59](https://www.nice.org.uk/guidance/ng59)). Depending on what is going on, Paul might use [deep tissue massage](/services/deep-tissue-massage) for long-held tension, [trigger point therapy](/services/trigger-point-therapy) for stubborn knots, or [myofascial release](/services/myofascial-release) where stiffness is the main complaint.\n" +
            "\n" +
            "You can read more in [how massage helps back pain](/articles/how-massage-helps-back-pain) and [choosing a massage technique](/articles/choosing-a-massage-technique).\n" +
            "\n" +
            "## Next step\n" +
            "\n" +
            "If your back has been bothering you and the warning signs above do not apply, Paul can come to you, assess what is going on and talk you through the options. When you are ready, [book a home visit](/book).\n" +
            "\n" +
            "## Sources\n" +
            "\n" +
            "- NHS, *Back pain*: [nhs.uk/conditions/back-pain](https://www.nhs.uk/conditions/back-pain/)\n" +
            "- NHS, *Cauda equina syndrome*: [nhs.uk/conditions/cauda-equina-syndrome](https://www.nhs.uk/conditions/cauda-equina-syndrome/)\n" +
            "- NICE guideline NG59, *Low back pain and sciatica in over 16s: assessment and management* (2016, updated 2020): [nice.org.uk/guidance/ng59](https://www.nice.org.uk/guidance/ng59)\n"),
        new("Articles", "BodyMarkdown", "why-a-course-of-treatment",
            "It is tempting to hope that one good massage will sort out a sore back. Sometimes a single session does bring welcome relief. But back pain that has built up over weeks, months or years rarely disappears in an hour.\n" +
            "\n" +
            "That is why Paul usually suggests a short course of treatment, guided by a plan that is shaped around you.\n" +
            "\n" +
            "## It starts with an assessment\n" +
            "\n" +
            "Before any hands-on work, Paul spends time understanding what is going on. On your first visit he will ask about:\n" +
            "\n" +
            "- **Your condition:** when the pain started, what seems to trigger it and what eases it\n" +
            "- **Your pain points:** exactly where it hurts, whether the pain spreads, and how it affects sleep, work and daily life\n" +
            "- **Your medical history:** past injuries, operations, diagnoses, medicines and anything else that might affect treatment\n" +
            "\n" +
            "He may also watch how you move, such as bending forward or turning, to see where you feel restricted.\n" +
            "\n" +
            "This is not a formality. The answers help Paul decide which techniques are likely to help, which to avoid, and whether massage is suitable at all. If anything suggests you should see a GP first, he will tell you honestly.\n" +
            "\n" +
            "## Why one session is rarely enough\n" +
            "\n" +
            "### Tension builds up over time\n" +
            "\n" +
            "Muscles that have been tight for a long time have often settled into that pattern. A single massage can loosen them, but posture, work and daily habits can pull them back. Repeated sessions give the tissues a chance to change more lastingly.\n" +
            "\n" +
            "### Progress can be measured\n" +
            "\n" +
            "With a series of visits, Paul can see how your back responds and adjust. If [deep tissue massage](/services/deep-tissue-massage) is helping, he can build on it. If stiffness is the bigger issue than expected, he might bring in more [myofascial release](/services/myofascial-release). Stubborn knots may need focused [trigger point therapy](/services/trigger-point-therapy) over several visits.\n" +
            "\n" +
            "### The research points the same way\n" +
            "\n" +
            "Studies of massage for back pain suggest that benefits for pain and everyday function tend to build up over a period of treatment, rather than coming from a single appointment. You can read more in [how massage helps back pain](/articles/how-massage-helps-back-pain).\n" +
            "\n" +
            "## What a plan looks like\n" +
            "\n" +
            "Every plan is different, but a typical one might include:\n" +
            "\n" +
            "1. **An initial assessment and first treatment**, often a 90-minute session so there is time to talk as well as work\n" +
            "2. **A few closer-together sessions**, for example weekly, while the aim is to reduce pain and tension\n" +
            "3. **Spacing out visits** as things improve\n" +
            "4. **Maintenance sessions**, if you find they help keep things settled\n" +
            "\n" +
            "Paul will also suggest simple things to do between visits. See [self-help between visits](/articles/self-help-between-visits) for ideas.\n" +
            "\n" +
            "## You stay in charge\n" +
            "\n" +
            "A course of treatment is a recommendation, not a contract. There is no obligation to book a block of sessions, and you can stop or change the plan at any time. Paul will be straightforward with you: if massage is not making a useful difference after a reasonable number of sessions, he will say so and suggest you talk to your GP or a physiotherapist.\n" +
            "\n" +
            "## When massage is not the answer\n" +
            "\n" +
            "Some back pain needs medical attention rather than massage. If you have numbness around your bottom or genitals, new bladder or bowel problems, or weakness in your legs that is getting worse, call 999 or go to A&E. For pain after a fall, with a fever or with unexplained weight loss, speak to your GP or NHS 111 first.\n" +
            "\n" +
            "## Getting started\n" +
            "\n" +
            "The first step is simply an assessment and a first treatment in the comfort of your own home. Paul brings everything he needs. When you are ready, [book a home visit](/book).\n",
            "It is tempting to hope that one good massage will sort out a sore back. Sometimes a single session does bring welcome relief. But back pain that has built up over weeks, months or years rarely disappears in an hour.\n" +
            "\n" +
            "That is why Paul usually suggests a short course of treatment, guided by a plan that is shaped around you.\n" +
            "\n" +
            "## It starts with an assessment\n" +
            "\n" +
            "Before any hands-on work, Paul spends time understanding what is going on. On your first visit he will ask about:\n" +
            "\n" +
            "- **Your condition:** when the pain started, what seems to trigger it and what eases it\n" +
            "- **Your pain points:** exactly where it hurts, whether the pain spreads, and how it affects sleep, work and daily life\n" +
            "- **Your medical history:** past injuries, operations, diagnoses, medicines and anything else that might affect treatment\n" +
            "\n" +
            "He may also watch how you move, such as bending forward or turning, to see where you feel restricted.\n" +
            "\n" +
            "This is not a formality. The answers help Paul decide which techniques are likely to help, which to avoid, and whether massage is suitable at all. If anything suggests you should see a GP first, he will tell you honestly.\n" +
            "\n" +
            "## Why one session is rarely enough\n" +
            "\n" +
            "### Tension builds up over time\n" +
            "\n" +
            "Muscles that have been tight for a long time have often settled into that pattern. A single massage can loosen them, but posture, work and daily habits can pull them back. Repeated sessions give the tissues a chance to change more lastingly.\n" +
            "\n" +
            "### Progress can be measured\n" +
            "\n" +
            "With a series of visits, Paul can see how your back responds and adjust. If [deep tissue massage](/services/deep-tissue-massage) is helping, he can build on it. If stiffness is the bigger issue than expected, he might bring in more [myofascial release](/services/myofascial-release). Stubborn knots may need focused [trigger point therapy](/services/trigger-point-therapy) over several visits.\n" +
            "\n" +
            "### The research points the same way\n" +
            "\n" +
            "In the trials of massage for back pain, people were given a series of sessions over several weeks, not a single one: in one large trial, ten weekly massages ([Cherkin and others, 2011](https://doi.org/10.7326/0003-4819-155-1-201107050-00002)). NICE's guideline on low back pain suggests hands-on treatment such as massage only as part of a package with exercise ([NICE guideline NG59](https://www.nice.org.uk/guidance/ng59)), which is a plan over time too. You can read more in [how massage helps back pain](/articles/how-massage-helps-back-pain).\n" +
            "\n" +
            "## What a plan looks like\n" +
            "\n" +
            "Every plan is different, but a typical one might include:\n" +
            "\n" +
            "1. **An initial assessment and first treatment**, often a 90-minute session so there is time to talk as well as work\n" +
            "2. **A few closer-together sessions**, for example weekly, while the aim is to reduce pain and tension\n" +
            "3. **Spacing out visits** as things improve\n" +
            "4. **Maintenance sessions**, if you find they help keep things settled\n" +
            "\n" +
            "Paul will also suggest simple things to do between visits. See [self-help between visits](/articles/self-help-between-visits) for ideas.\n" +
            "\n" +
            "## You stay in charge\n" +
            "\n" +
            "A course of treatment is a recommendation, not a contract. There is no obligation to book a block of sessions, and you can stop or change the plan at any time. Paul will be straightforward with you: if massage is not making a useful difference after a reasonable number of sessions, he will say so and suggest you talk to your GP or a physiotherapist.\n" +
            "\n" +
            "## When massage is not the answer\n" +
            "\n" +
            "Some back pain needs medical attention rather than massage. If you have numbness around your bottom or genitals, new bladder or bowel problems, or weakness in your legs that is getting worse, call 999 or go to A&E. For pain after a fall, with a fever or with unexplained weight loss, speak to your GP or NHS 111 first.\n" +
            "\n" +
            "## Getting started\n" +
            "\n" +
            "The first step is simply an assessment and a first treatment in the comfort of your own home. Paul brings everything he needs. When you are ready, [book a home visit](/book).\n" +
            "\n" +
            "## Sources\n" +
            "\n" +
            "- NICE guideline NG59, *Low back pain and sciatica in over 16s: assessment and management* (2016, updated 2020): [nice.org.uk/guidance/ng59](https://www.nice.org.uk/guidance/ng59)\n" +
            "- Cherkin DC and others, *A comparison of the effects of 2 types of massage and usual care on chronic low back pain: a randomized, controlled trial*, Annals of Internal Medicine, 2011: [doi.org/10.7326/0003-4819-155-1-201107050-00002](https://doi.org/10.7326/0003-4819-155-1-201107050-00002)\n"),
        new("Services", "DescriptionMarkdown", "deep-tissue-massage",
            "## What it is for\n" +
            "\n" +
            "Deep tissue massage uses slow, firm, focused pressure to reach muscle that lies well below the surface, along with the connective tissue wrapped around it. It is aimed at tension that has built up over months or years and has not shifted with lighter massage.\n" +
            "\n" +
            "Firm does not have to mean painful. Paul works gradually and checks in about pressure as he goes, so the session stays within what feels right for you.\n" +
            "\n" +
            "## Who it suits\n" +
            "\n" +
            "- People whose back pain feels muscular and long-standing\n" +
            "- Anyone who has found lighter massage pleasant but not effective\n" +
            "- Those with physical jobs, regular sport or long hours sitting\n" +
            "- Clients whose assessment points to muscle-related pain\n" +
            "\n" +
            "It often works well alongside [trigger point therapy](/services/trigger-point-therapy) for specific knots. If stiffness is your main complaint, [myofascial release](/services/myofascial-release) may be a better fit.\n" +
            "\n" +
            "## What happens on the visit\n" +
            "\n" +
            "Paul travels to your home and brings a portable massage table, clean linen and oils. You just need a little space to set up.\n" +
            "\n" +
            "Your first visit begins with an assessment: Paul asks about your symptoms, your pain points and your medical history before deciding how to approach the session.\n" +
            "\n" +
            "Sessions last 60 or 90 minutes. You stay covered with towels, with only the area being treated uncovered. It is normal to feel some tenderness for a day or two afterwards, a bit like after exercise. Drinking water and moving gently can help.\n" +
            "\n" +
            "## When it is not the right choice\n" +
            "\n" +
            "Please do not book, or check with your GP first, if you have:\n" +
            "\n" +
            "- Had recent surgery\n" +
            "- A blood clot, or a history of them, or take blood-thinning medicine\n" +
            "- A fracture or suspected broken bone\n" +
            "- Some skin conditions, infections or broken skin in the area\n" +
            "- A fever or feel unwell\n" +
            "\n" +
            "If you are pregnant, please tell Paul before booking.\n" +
            "\n" +
            "If you have numbness around the saddle area, new bladder or bowel problems, or worsening leg weakness, call 999 or go to A&E instead.\n" +
            "\n" +
            "[Book this treatment](/book?service=deep-tissue-massage)\n",
            "## What it is for\n" +
            "\n" +
            "Deep tissue massage uses slow, firm, focused pressure to reach muscle that lies well below the surface, along with the connective tissue wrapped around it. It is aimed at tension that has built up over months or years and has not shifted with lighter massage.\n" +
            "\n" +
            "Firm does not have to mean painful. Paul works gradually and checks in about pressure as he goes, so the session stays within what feels right for you.\n" +
            "\n" +
            "## Who it suits\n" +
            "\n" +
            "- People whose back pain feels muscular and long-standing\n" +
            "- Anyone who has found lighter massage pleasant but not effective\n" +
            "- Those with physical jobs, regular sport or long hours sitting\n" +
            "- Clients whose assessment points to muscle-related pain\n" +
            "\n" +
            "It often works well alongside [trigger point therapy](/services/trigger-point-therapy) for specific knots. If stiffness is your main complaint, [myofascial release](/services/myofascial-release) may be a better fit.\n" +
            "\n" +
            "## What happens on the visit\n" +
            "\n" +
            "Paul travels to your home and brings a portable massage table, clean linen and oils. You just need a little space to set up.\n" +
            "\n" +
            "Your first visit begins with an assessment: Paul asks about your symptoms, your pain points and your medical history before deciding how to approach the session.\n" +
            "\n" +
            "Sessions last 60 or 90 minutes. You stay covered with towels, with only the area being treated uncovered. It is normal to feel some tenderness for a day or two afterwards, a bit like after exercise. Drinking water and moving gently can help.\n" +
            "\n" +
            "## When it is not the right choice\n" +
            "\n" +
            "Deep tissue work uses firm, slow pressure, so more things rule it out than rule out a gentle massage:\n" +
            "\n" +
            "- **You take blood-thinning medicine (such as warfarin, apixaban or rivaroxaban) or bruise easily:** firm pressure can leave deep bruises. Tell Paul when you book; he will usually choose a lighter technique.\n" +
            "- **Thinning bones (osteoporosis), or a bone that has broken in the last few months:** ask your GP before any firm pressure on the back.\n" +
            "- **A strain or injury in the last two or three days, or an area that is swollen or hot:** deep pressure can make fresh damage worse. Wait a few days, or ask for [Swedish massage](/services/swedish-massage) instead.\n" +
            "- **A blood clot, recent surgery, a fever, or broken or infected skin over your back:** wait, or check with your GP first.\n" +
            "\n" +
            "If you have never had a massage, or everything hurts at the lightest touch, start with [Swedish massage](/services/swedish-massage); deep work can follow once Paul knows how your back responds. If you are pregnant, tell Paul when you book: he does not use deep pressure in pregnancy.\n" +
            "\n" +
            "If you notice numbness around your bottom or genitals, lose control of your bladder or bowels, or your legs keep getting weaker, do not wait for a massage: call 999 or go to A&E. [More on these signs](/articles/understanding-back-pain#when-to-get-medical-help-first).\n" +
            "\n" +
            "[Book this treatment](/book?service=deep-tissue-massage)\n"),
        new("Services", "DescriptionMarkdown", "myofascial-release",
            "## What it is for\n" +
            "\n" +
            "Fascia is a thin, strong layer of connective tissue that wraps around and through your muscles. When it tightens, perhaps after injury, long periods of sitting or simply lack of movement, you can feel stiff and restricted even when the muscles themselves are not especially sore.\n" +
            "\n" +
            "Myofascial release uses slow, sustained pressure and gentle stretching, usually with little or no oil, to help that tissue soften and move more freely. It is a calm, unhurried treatment.\n" +
            "\n" +
            "## Who it suits\n" +
            "\n" +
            "- People for whom stiffness is a bigger problem than sharp pain\n" +
            "- Those who feel worst first thing in the morning or after sitting still\n" +
            "- Anyone who finds bending, twisting or reaching feels limited\n" +
            "- Clients whose assessment points to restriction rather than knots\n" +
            "\n" +
            "For tension that feels deep and muscular, [deep tissue massage](/services/deep-tissue-massage) may suit you better, and the two are often combined.\n" +
            "\n" +
            "## What happens on the visit\n" +
            "\n" +
            "Paul travels to your home and brings a portable massage table, clean linen and oils, so you only need a little space.\n" +
            "\n" +
            "Every first visit begins with an assessment. Paul will ask about your condition, where you feel pain or stiffness and your medical history, and may watch how you move.\n" +
            "\n" +
            "Sessions last 60 or 90 minutes. Because the work is slow, the longer session gives time to cover more of the back. The pressure is usually gentle but held, and you may feel a gradual stretching or warmth as the tissue eases. Let Paul know at any point if something feels uncomfortable.\n" +
            "\n" +
            "## When it is not the right choice\n" +
            "\n" +
            "Please do not book, or check with your GP first, if you have:\n" +
            "\n" +
            "- Had recent surgery\n" +
            "- A blood clot, or a history of them\n" +
            "- A fracture or suspected broken bone\n" +
            "- Certain skin conditions, infections or broken skin in the area\n" +
            "- A fever or feel unwell\n" +
            "\n" +
            "If you are pregnant, please tell Paul before booking.\n" +
            "\n" +
            "If you have numbness around the saddle area, new bladder or bowel problems, or worsening leg weakness, call 999 or go to A&E instead of booking a massage.\n" +
            "\n" +
            "[Book this treatment](/book?service=myofascial-release)\n",
            "## What it is for\n" +
            "\n" +
            "Fascia is a thin, strong layer of connective tissue that wraps around and through your muscles. When it tightens, perhaps after injury, long periods of sitting or simply lack of movement, you can feel stiff and restricted even when the muscles themselves are not especially sore.\n" +
            "\n" +
            "Myofascial release uses slow, sustained pressure and gentle stretching, usually with little or no oil, to help that tissue soften and move more freely. It is a calm, unhurried treatment.\n" +
            "\n" +
            "## Who it suits\n" +
            "\n" +
            "- People for whom stiffness is a bigger problem than sharp pain\n" +
            "- Those who feel worst first thing in the morning or after sitting still\n" +
            "- Anyone who finds bending, twisting or reaching feels limited\n" +
            "- Clients whose assessment points to restriction rather than knots\n" +
            "\n" +
            "For tension that feels deep and muscular, [deep tissue massage](/services/deep-tissue-massage) may suit you better, and the two are often combined.\n" +
            "\n" +
            "## What happens on the visit\n" +
            "\n" +
            "Paul travels to your home and brings a portable massage table, clean linen and oils, so you only need a little space.\n" +
            "\n" +
            "Every first visit begins with an assessment. Paul will ask about your condition, where you feel pain or stiffness and your medical history, and may watch how you move.\n" +
            "\n" +
            "Sessions last 60 or 90 minutes. Because the work is slow, the longer session gives time to cover more of the back. The pressure is usually gentle but held, and you may feel a gradual stretching or warmth as the tissue eases. Let Paul know at any point if something feels uncomfortable.\n" +
            "\n" +
            "## When it is not the right choice\n" +
            "\n" +
            "Myofascial release holds a slow, steady stretch on the skin and the tissue beneath it for a minute or more at a time. That makes the skin itself the first thing to think about:\n" +
            "\n" +
            "- **Scars from an operation that are still healing, open wounds, burns, or thin and fragile skin** (for example after a long course of steroid tablets): a sustained stretch can tear or irritate it. Wait until a scar is well healed, or ask your GP.\n" +
            "- **A broken bone or an operation in the last few months, or a blood clot:** check with your GP or surgeon first.\n" +
            "- **Stiffness that is worst after rest, lasts more than half an hour in the morning and eases as you move,** especially if you are under 45: it can be a sign of an inflammatory condition such as ankylosing spondylitis, which needs a GP's assessment before any massage ([NHS: ankylosing spondylitis](https://www.nhs.uk/conditions/ankylosing-spondylitis/)).\n" +
            "- **A fever, an infection, or a rash over the area:** wait until it has cleared.\n" +
            "\n" +
            "If your problem is a sharp, tender knot rather than a general tightness, [trigger point therapy](/services/trigger-point-therapy) is more direct. If you are pregnant, tell Paul before booking so he can plan how you will lie.\n" +
            "\n" +
            "If you have numbness around your bottom or genitals, new problems with your bladder or bowels, or leg weakness that is getting worse, call 999 or go to A&E rather than booking. [Read about these warning signs](/articles/understanding-back-pain#when-to-get-medical-help-first).\n" +
            "\n" +
            "[Book this treatment](/book?service=myofascial-release)\n"),
        new("Services", "DescriptionMarkdown", "swedish-massage",
            "## What it is for\n" +
            "\n" +
            "Swedish massage uses long, smooth strokes, light kneading and rhythmic movements to help your muscles and mind unwind. Pressure is usually light to moderate.\n" +
            "\n" +
            "It is a good choice when your back feels generally tight and tired rather than sore in one particular spot. By encouraging blood flow and helping you relax, it can take the edge off everyday aches and the tension that stress tends to leave in the shoulders and back.\n" +
            "\n" +
            "## Who it suits\n" +
            "\n" +
            "- People whose discomfort is mild and spread across the back\n" +
            "- Anyone who carries stress in their neck, shoulders or back\n" +
            "- First-timers who would like to start gently\n" +
            "- Clients keeping up regular maintenance once pain has settled\n" +
            "\n" +
            "If your pain is more stubborn or focused, [deep tissue massage](/services/deep-tissue-massage) or [trigger point therapy](/services/trigger-point-therapy) may suit you better.\n" +
            "\n" +
            "## What happens on the visit\n" +
            "\n" +
            "Paul comes to your home with a portable massage table, fresh linen and oils, so all you need is a little floor space.\n" +
            "\n" +
            "Every first visit starts with an assessment. Paul will ask about your back, where you feel discomfort, and your medical history, so he can tailor the session and check that massage is suitable.\n" +
            "\n" +
            "You can choose a 60-minute or 90-minute session. You stay covered with towels throughout, with only the area being worked on uncovered. Let Paul know at any point if you would like the pressure lighter or firmer.\n" +
            "\n" +
            "## When it is not the right choice\n" +
            "\n" +
            "Please do not book, or speak to your GP first, if you have:\n" +
            "\n" +
            "- Had surgery recently\n" +
            "- A blood clot, or a history of them\n" +
            "- A fracture or suspected broken bone\n" +
            "- Certain skin conditions, infections or open wounds in the area\n" +
            "- A fever or feel unwell\n" +
            "\n" +
            "If you are pregnant, please tell Paul before booking so he can advise you.\n" +
            "\n" +
            "If you have numbness around the saddle area, new bladder or bowel problems, or worsening leg weakness, call 999 or go to A&E rather than booking a massage.\n" +
            "\n" +
            "[Book this treatment](/book?service=swedish-massage)\n",
            "## What it is for\n" +
            "\n" +
            "Swedish massage uses long, smooth strokes, light kneading and rhythmic movements to help your muscles and mind unwind. Pressure is usually light to moderate.\n" +
            "\n" +
            "It is a good choice when your back feels generally tight and tired rather than sore in one particular spot. By encouraging blood flow and helping you relax, it can take the edge off everyday aches and the tension that stress tends to leave in the shoulders and back.\n" +
            "\n" +
            "## Who it suits\n" +
            "\n" +
            "- People whose discomfort is mild and spread across the back\n" +
            "- Anyone who carries stress in their neck, shoulders or back\n" +
            "- First-timers who would like to start gently\n" +
            "- Clients keeping up regular maintenance once pain has settled\n" +
            "\n" +
            "If your pain is more stubborn or focused, [deep tissue massage](/services/deep-tissue-massage) or [trigger point therapy](/services/trigger-point-therapy) may suit you better.\n" +
            "\n" +
            "## What happens on the visit\n" +
            "\n" +
            "Paul comes to your home with a portable massage table, fresh linen and oils, so all you need is a little floor space.\n" +
            "\n" +
            "Every first visit starts with an assessment. Paul will ask about your back, where you feel discomfort, and your medical history, so he can tailor the session and check that massage is suitable.\n" +
            "\n" +
            "You can choose a 60-minute or 90-minute session. You stay covered with towels throughout, with only the area being worked on uncovered. Let Paul know at any point if you would like the pressure lighter or firmer.\n" +
            "\n" +
            "## When it is not the right choice\n" +
            "\n" +
            "Swedish massage is the gentlest of the four treatments, so it suits more people than the others. A few things still mean waiting, or asking your GP first:\n" +
            "\n" +
            "- **Feeling unwell, with a fever or an infection:** wait until you are better; massage will not help you fight it off, and Paul visits other clients' homes.\n" +
            "- **A blood clot now or in the past (such as a DVT):** ask your GP first. Stroking the legs over a clot is the one thing a massage must never do.\n" +
            "- **An operation or a broken bone in the last few weeks:** wait until the surgeon or your GP says the area has healed.\n" +
            "- **A rash, a cut or an infection of the skin where you want the massage:** Paul can work around a small patch; a larger one means waiting.\n" +
            "\n" +
            "If you are pregnant, say so when you book: Paul changes how you lie and how firmly he works.\n" +
            "\n" +
            "If your pain sits in one stubborn spot rather than across your back, [trigger point therapy](/services/trigger-point-therapy) may do more for you than a whole-back massage.\n" +
            "\n" +
            "Numbness between your legs, new trouble with your bladder or bowels, or legs that are getting weaker are an emergency, not a reason to book: call 999 or go to A&E. [The warning signs, explained](/articles/understanding-back-pain#when-to-get-medical-help-first).\n" +
            "\n" +
            "[Book this treatment](/book?service=swedish-massage)\n"),
        new("Services", "DescriptionMarkdown", "trigger-point-therapy",
            "## What it is for\n" +
            "\n" +
            "Trigger points are small, tight areas within a muscle, often called knots. They can develop after an injury or from repeating the same movement again and again. Pressing on one may feel tender, and sometimes the pain is felt somewhere else, such as from the lower back into the buttock.\n" +
            "\n" +
            "Trigger point therapy applies steady, focused pressure to these spots to help the muscle fibres relax and let go. It is precise work, aimed at the places that keep your pain going.\n" +
            "\n" +
            "## Who it suits\n" +
            "\n" +
            "- People who can point to one or two particularly sore spots\n" +
            "- Those whose pain seems to spread from one area to another\n" +
            "- Anyone whose trouble started after a strain, lifting injury or overuse\n" +
            "- Clients with muscle-related pain, often alongside [deep tissue massage](/services/deep-tissue-massage)\n" +
            "\n" +
            "## What happens on the visit\n" +
            "\n" +
            "Paul comes to your home with a portable massage table, fresh linen and oils, so there is nothing for you to prepare beyond a bit of floor space.\n" +
            "\n" +
            "The first visit starts with an assessment. Paul asks about your condition, exactly where it hurts and your medical history, and may feel gently for tight areas before treating.\n" +
            "\n" +
            "Sessions last 60 or 90 minutes and usually combine trigger point work with broader massage to help the whole area relax. Pressure on a trigger point can feel intense for a short time; Paul will keep checking with you and ease off whenever you ask. Some soreness the next day is common.\n" +
            "\n" +
            "## When it is not the right choice\n" +
            "\n" +
            "Please do not book, or speak to your GP first, if you have:\n" +
            "\n" +
            "- Had recent surgery\n" +
            "- A blood clot, or a history of them\n" +
            "- A fracture or suspected broken bone\n" +
            "- Some skin conditions, infections or broken skin in the area\n" +
            "- A fever or feel unwell\n" +
            "\n" +
            "If you are pregnant, please tell Paul before booking.\n" +
            "\n" +
            "If you have numbness around the saddle area, new bladder or bowel problems, or worsening leg weakness, call 999 or go to A&E rather than booking.\n" +
            "\n" +
            "[Book this treatment](/book?service=trigger-point-therapy)\n",
            "## What it is for\n" +
            "\n" +
            "Trigger points are small, tight areas within a muscle, often called knots. They can develop after an injury or from repeating the same movement again and again. Pressing on one may feel tender, and sometimes the pain is felt somewhere else, such as from the lower back into the buttock.\n" +
            "\n" +
            "Trigger point therapy applies steady, focused pressure to these spots to help the muscle fibres relax and let go. It is precise work, aimed at the places that keep your pain going.\n" +
            "\n" +
            "## Who it suits\n" +
            "\n" +
            "- People who can point to one or two particularly sore spots\n" +
            "- Those whose pain seems to spread from one area to another\n" +
            "- Anyone whose trouble started after a strain, lifting injury or overuse\n" +
            "- Clients with muscle-related pain, often alongside [deep tissue massage](/services/deep-tissue-massage)\n" +
            "\n" +
            "## What happens on the visit\n" +
            "\n" +
            "Paul comes to your home with a portable massage table, fresh linen and oils, so there is nothing for you to prepare beyond a bit of floor space.\n" +
            "\n" +
            "The first visit starts with an assessment. Paul asks about your condition, exactly where it hurts and your medical history, and may feel gently for tight areas before treating.\n" +
            "\n" +
            "Sessions last 60 or 90 minutes and usually combine trigger point work with broader massage to help the whole area relax. Pressure on a trigger point can feel intense for a short time; Paul will keep checking with you and ease off whenever you ask. Some soreness the next day is common.\n" +
            "\n" +
            "## When it is not the right choice\n" +
            "\n" +
            "Trigger point therapy presses on one knot at a time. It should feel like a strong, \"good\" ache that eases as the knot lets go, never a sharp or spreading pain. It is not the right choice:\n" +
            "\n" +
            "- **When the pain runs down a leg with pins and needles, tingling or numbness:** that points to an irritated nerve, such as sciatica, rather than a knot in the muscle. See your GP or a physiotherapist first; pressing on a nerve will not help it.\n" +
            "- **Over an area that is inflamed, swollen, hot or freshly injured:** let it settle for a few days first.\n" +
            "- **If you bruise easily or take blood-thinning medicine:** tell Paul when you book, as pressure on a point can leave a bruise.\n" +
            "- **After recent surgery, with a blood clot, with a fever, or where the skin is broken or infected:** wait, or ask your GP.\n" +
            "\n" +
            "If your back is stiff all over rather than sore in particular spots, [myofascial release](/services/myofascial-release) may suit you better. If you are pregnant, tell Paul before booking: some points are avoided in pregnancy.\n" +
            "\n" +
            "Back pain with numbness in the saddle area, new bladder or bowel problems, or worsening weakness in the legs needs a hospital straight away: call 999 or go to A&E. [Why these signs matter](/articles/understanding-back-pain#when-to-get-medical-help-first).\n" +
            "\n" +
            "[Book this treatment](/book?service=trigger-point-therapy)\n"),
    ];

    public static void Add(MigrationBuilder migrationBuilder)
    {
        var unicodePrefix = migrationBuilder.ActiveProvider == "Microsoft.EntityFrameworkCore.SqlServer" ? "N" : string.Empty;
        string Literal(string text) => unicodePrefix + "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
        foreach (var text in Texts)
        {
            migrationBuilder.Sql(
                $"UPDATE {text.Table} SET {text.Column} = {Literal(text.Updated)} WHERE Slug = {Literal(text.Slug)} AND {text.Column} = {Literal(text.Seeded)};");
        }
    }

    internal sealed record SeededText(string Table, string Column, string Slug, string Seeded, string Updated);
}
