"""Demo course catalogue for Campus.

This module is the demo catalogue loaded by the ``seed_demo`` management
command, for ``make run`` only: it is never loaded in production. It holds
plain data and nothing else (no imports, no functions):

* ``TOPICS``: the association's four impact axes (``parent`` is ``None``)
  and the finer topics used by the courses (``parent`` is an axis slug).
* ``COURSES``: four courses. Each course has 3-4 modules; each module has
  2-4 lessons and a quiz. Lesson bodies are lists of ``(block_type, value)``
  tuples: ``heading``, ``paragraph``, ``callout``, ``quote``, ``table``,
  ``faq``, ``case_study``, ``external_link`` and ``image``. Images are not
  files: ``seed_demo`` draws them locally from their ``title`` and ``color``.
  Quiz questions use the types ``single``, ``multiple``, ``truefalse``,
  ``shortanswer``, ``numerical``, ``matching`` and ``essay``; in ``multiple``
  questions ``weight`` is a percentage (positive weights add up to 100).
  Module quizzes are not loaded as pages of their own: ``courses/demo.py``
  gathers a course's questions into one final assessment, the last page of its
  last module (the ISO 37001 course's go into a question bank it draws from).

All people, cities' anecdotes and quotes attributed to a role (for instance
"Une maire adjointe, Sénégal") are fictional. Quotes of legal texts are
quoted from their official French versions.
"""

TOPICS = [
    # --- The four impact axes -------------------------------------------
    {
        "slug": "axe-vivre-ensemble",
        "name_fr": "Vivre-ensemble et dialogue des cultures",
        "name_en": "Living together and dialogue between cultures",
        "description_fr": (
            "Paix et prévention des conflits, égalité femmes-hommes, "
            "diversité, migrations, numérique et démocratie locale, sport et "
            "cinéma : ce que les villes font pour que leurs habitants vivent "
            "mieux ensemble."
        ),
        "parent": None,
    },
    {
        "slug": "axe-decentralisation-gouvernance",
        "name_fr": "Décentralisation et gouvernance locale",
        "name_en": "Decentralisation and local governance",
        "description_fr": (
            "Autonomisation financière et finances locales, localisation des "
            "objectifs de développement durable, territoires numériques et "
            "données urbaines, sécurisation de la gestion municipale."
        ),
        "parent": None,
    },
    {
        "slug": "axe-developpement-territoires",
        "name_fr": "Développement et valorisation des territoires",
        "name_en": "Development and enhancement of territories",
        "description_fr": (
            "Développement économique local, environnement et climat, "
            "patrimoine, aménagement urbain, économie sociale et solidaire."
        ),
        "parent": None,
    },
    {
        "slug": "axe-services-essentiels",
        "name_fr": "Services essentiels",
        "name_en": "Essential services",
        "description_fr": (
            "Eau et assainissement, santé, éducation : les services de base "
            "que les habitants attendent d'abord de leur ville."
        ),
        "parent": None,
    },
    # --- Finer topics used by the courses ---------------------------------
    {
        "slug": "gouvernance-locale",
        "name_fr": "Gouvernance locale",
        "name_en": "Local governance",
        "description_fr": (
            "Comment les élus, l'administration municipale, l'État et les "
            "habitants décident et agissent ensemble : participation, "
            "redevabilité, égalité dans la décision."
        ),
        "parent": "axe-decentralisation-gouvernance",
    },
    {
        "slug": "decentralisation",
        "name_fr": "Décentralisation",
        "name_en": "Decentralisation",
        "description_fr": (
            "Transfert de compétences et de ressources aux collectivités "
            "élues, principes de subsidiarité et de libre administration, "
            "contrôle de l'État, textes de référence."
        ),
        "parent": "axe-decentralisation-gouvernance",
    },
    {
        "slug": "iso-37001",
        "name_fr": "ISO 37001",
        "name_en": "ISO 37001",
        "description_fr": (
            "Systèmes de management anti-corruption : sécuriser la gestion "
            "municipale avec la norme ISO 37001."
        ),
        "parent": "axe-decentralisation-gouvernance",
    },
    {
        "slug": "finances-locales",
        "name_fr": "Finances locales",
        "name_en": "Local finance",
        "description_fr": (
            "Budget communal, fiscalité locale, transferts de l'État, "
            "transparence budgétaire et financements innovants."
        ),
        "parent": "axe-decentralisation-gouvernance",
    },
    {
        "slug": "services-essentiels",
        # Not the axis' own name: two "Services essentiels" confused trainers.
        "name_fr": "Gestion des services urbains",
        "name_en": "Managing urban services",
        "description_fr": (
            "Planifier, gérer et évaluer l'eau, l'assainissement, la santé, "
            "l'éducation et la gestion des déchets à l'échelle de la ville."
        ),
        "parent": "axe-services-essentiels",
    },
]


COURSES = [
    # =====================================================================
    # Course 1 - Décentralisation et gouvernance locale
    # =====================================================================
    {
        "slug": "decentralisation-gouvernance-locale",
        "title_fr": "Décentralisation et gouvernance locale",
        "title_en": "Decentralisation and local governance",
        "summary_fr": (
            "Comprendre ce que la décentralisation change pour une ville, ses "
            "grands principes et les textes qui la fondent. Un parcours "
            "pratique pour mieux dialoguer avec l'État, les autres villes et "
            "les habitants."
        ),
        "summary_en": (
            "Understand what decentralisation changes for a city, its core "
            "principles and reference texts. A practical course to work "
            "better with the State, other cities and residents."
        ),
        "description_fr": (
            "Ce cours s'adresse aux agents municipaux, secrétaires généraux, "
            "chefs de service et élus qui veulent comprendre le cadre dans "
            "lequel leur collectivité agit. Il distingue décentralisation, "
            "déconcentration et délégation, explique les principes de "
            "subsidiarité, de libre administration et de concomitance des "
            "transferts, puis présente le contrôle exercé par l'État. Il "
            "parcourt ensuite les textes de référence : la Charte européenne "
            "de l'autonomie locale (1985), la Charte africaine des valeurs et "
            "principes de la décentralisation (2014), le Nouvel Agenda urbain "
            "adopté à Quito en 2016 et les objectifs de développement durable "
            "11 et 16. Il se termine par la pratique de la gouvernance "
            "locale : dialogue avec l'État, rôle des associations nationales "
            "de collectivités, participation citoyenne et égalité entre "
            "femmes et hommes dans la décision. Les exemples viennent de "
            "Dakar, Tunis, Yaoundé, Montréal, Phnom Penh et de nombreuses "
            "autres villes francophones."
        ),
        "level": "debutant",
        "language": "fr",
        "topics": [
            "axe-decentralisation-gouvernance",
            "decentralisation",
            "gouvernance-locale",
        ],
        "outcomes_fr": [
            "Distinguer décentralisation, déconcentration et délégation à "
            "partir de situations concrètes.",
            "Expliquer les principes de subsidiarité, de libre administration "
            "et de concomitance des transferts de compétences et de "
            "ressources.",
            "Différencier la tutelle a priori du contrôle de légalité a "
            "posteriori et en tirer les conséquences pour les actes de la "
            "commune.",
            "Situer sa collectivité par rapport aux textes de référence : "
            "Charte européenne de 1985, Charte africaine de 2014, Nouvel "
            "Agenda urbain et ODD 11 et 16.",
            "Préparer un dialogue structuré avec l'État et les partenaires, "
            "en s'appuyant sur l'association nationale des collectivités.",
            "Proposer des mesures simples pour élargir la participation "
            "citoyenne et la place des femmes dans la décision locale.",
        ],
        "prerequisites_fr": (
            "Aucun prérequis : il suffit de travailler dans une collectivité "
            "locale ou avec elle."
        ),
        "trainer": {
            "name": "Aminata Diallo-Ndiaye",
            "bio_fr": (
                "Ancienne secrétaire générale d'une commune de la région de "
                "Dakar, Aminata Diallo-Ndiaye accompagne depuis quinze ans "
                "des collectivités d'Afrique de l'Ouest et du Maghreb dans "
                "la mise en œuvre de la décentralisation et l'organisation "
                "des services municipaux. Elle anime des ateliers réunissant "
                "élus, agents et représentants de l'État. (Formatrice "
                "fictive, pour la démonstration.)"
            ),
        },
        "cover": {"title": "Décentralisation", "color": "#1d4e89"},
        "modules": [
            # ---------------------------------------------------------------
            {
                "slug": "comprendre-la-decentralisation",
                "title_fr": "Comprendre la décentralisation",
                "title_en": "Understanding decentralisation",
                "lessons": [
                    {
                        "slug": "decentraliser-deconcentrer-deleguer",
                        "title_fr": "Décentraliser, déconcentrer, déléguer : de quoi parle-t-on ?",
                        "title_en": "Decentralise, deconcentrate, delegate: what are we talking about?",
                        "body": [
                            ("paragraph",
                             "<p>Dans les réunions entre élus, techniciens et services de l'État, "
                             "trois mots reviennent sans cesse : <strong>décentralisation</strong>, "
                             "<strong>déconcentration</strong> et <strong>délégation</strong>. Tous "
                             "décrivent une manière de rapprocher l'action publique du terrain, mais "
                             "ils ne répondent pas à la même question : <em>qui décide, au nom de qui, "
                             "et avec quel argent ?</em> Bien les distinguer vous aidera à savoir à qui "
                             "adresser un dossier, qui est responsable d'un service et qui doit rendre "
                             "des comptes aux habitants.</p>"),
                            ("heading", "La décentralisation : un pouvoir confié à des élus locaux"),
                            ("paragraph",
                             "<p>Décentraliser, c'est <strong>transférer des compétences et des "
                             "ressources</strong> de l'État vers des collectivités territoriales qui "
                             "ont la personnalité juridique, un budget propre et des organes élus : "
                             "conseil municipal et maire, conseil départemental ou régional. La "
                             "collectivité décide alors elle-même, dans le cadre de la loi, et elle "
                             "répond de ses choix devant les électeurs. Quand une commune sénégalaise "
                             "vote son budget, recrute un agent d'état civil ou décide de construire "
                             "un marché, elle exerce une compétence décentralisée. Il en va de même "
                             "lorsque les conseils de commune et de sangkat, élus au Cambodge depuis "
                             "2002, adoptent leur plan d'investissement.</p>"),
                            ("heading", "La déconcentration : l'État se rapproche du terrain"),
                            ("paragraph",
                             "<p>Déconcentrer, c'est pour l'État <strong>installer ses propres services "
                             "dans les territoires</strong> et donner des pouvoirs de décision à ses "
                             "représentants locaux : préfet, gouverneur, sous-préfet, délégué régional "
                             "d'un ministère. Ces autorités sont <em>nommées</em> et non élues ; elles "
                             "agissent au nom de l'État et restent soumises à leur hiérarchie. Le "
                             "délégué régional de la santé au Cameroun ou le gouverneur d'un "
                             "gouvernorat tunisien sont des autorités déconcentrées : ils rapprochent "
                             "la décision des citoyens, mais ils n'ont pas de légitimité électorale "
                             "propre et ne disposent que des crédits de l'État.</p>"),
                            ("heading", "La délégation : confier une mission sans se défaire de la responsabilité"),
                            ("paragraph",
                             "<p>Le mot <em>délégation</em> recouvre plusieurs réalités :</p>"
                             "<ul><li>le maire peut déléguer une partie de ses fonctions à un adjoint, "
                             "ou sa signature à un agent pour des actes courants ;</li>"
                             "<li>la commune peut confier la gestion d'un service (eau, transport, "
                             "collecte des déchets) à un opérateur par un contrat de délégation de "
                             "service public ;</li>"
                             "<li>l'État peut confier une mission précise à une collectivité, par "
                             "convention, sans lui transférer la compétence.</li></ul>"
                             "<p>Dans tous les cas, <strong>l'autorité qui délègue reste "
                             "responsable</strong> : elle fixe les règles, contrôle l'exécution et "
                             "peut reprendre la main.</p>"),
                            ("table", {
                                "caption": "Comparer les trois notions",
                                "header": ["Question", "Décentralisation", "Déconcentration", "Délégation"],
                                "rows": [
                                    ["Qui décide ?", "Des élus locaux", "Un représentant nommé de l'État",
                                     "Un délégataire : adjoint, agent ou opérateur"],
                                    ["Au nom de qui ?", "De la collectivité et de ses habitants", "De l'État",
                                     "De l'autorité qui délègue"],
                                    ["Avec quel budget ?", "Un budget propre voté par le conseil",
                                     "Les crédits de l'État", "Celui prévu par l'acte ou le contrat"],
                                    ["Qui contrôle ?", "L'État (légalité) et les électeurs",
                                     "Le ministre (pouvoir hiérarchique)", "L'autorité délégante"],
                                ],
                            }),
                            ("callout", {
                                "kind": "key_point",
                                "title": "Le test des trois questions",
                                "text": "<p>Devant une institution que vous connaissez mal, demandez-vous : "
                                        "ses dirigeants sont-ils <strong>élus</strong> ou <strong>nommés</strong> ? "
                                        "A-t-elle un <strong>budget propre</strong> ? Rend-elle des comptes aux "
                                        "<strong>électeurs</strong> ou à un <strong>ministre</strong> ? Les "
                                        "réponses indiquent presque toujours s'il s'agit de décentralisation "
                                        "ou de déconcentration.</p>",
                            }),
                            ("case_study", {
                                "title": "Une nouvelle école à construire",
                                "context": "<p>Dans une commune d'Afrique de l'Ouest, les parents d'élèves "
                                           "réclament une nouvelle école élémentaire. La loi confie à la "
                                           "commune la construction et l'entretien des bâtiments scolaires, "
                                           "tandis que l'affectation et la rémunération des enseignants "
                                           "relèvent du ministère de l'Éducation, représenté dans le "
                                           "département par une inspection.</p>",
                                "question": "À qui les parents doivent-ils s'adresser pour le bâtiment, et à qui pour les enseignants ?",
                                "discussion": "<p>Le bâtiment relève d'une compétence <strong>décentralisée</strong> : "
                                              "le conseil municipal inscrit la dépense au budget et le maire "
                                              "lance le marché. Les enseignants relèvent d'un service "
                                              "<strong>déconcentré</strong> de l'État : l'inspection n'est pas "
                                              "placée sous l'autorité du maire. Un bon projet d'école suppose "
                                              "donc un dialogue entre les deux dès la planification, pour que "
                                              "la classe construite ne reste pas sans enseignant à la "
                                              "rentrée.</p>",
                            }),
                            ("faq", [
                                {"question": "Une région dirigée par un gouverneur nommé est-elle une collectivité décentralisée ?",
                                 "answer": "<p>Non : si son dirigeant est nommé et qu'elle ne dispose que de "
                                           "crédits de l'État, c'est une circonscription déconcentrée. Dans "
                                           "plusieurs pays, un même territoire est à la fois une circonscription "
                                           "de l'État et une collectivité élue ; deux institutions différentes "
                                           "s'y côtoient alors.</p>"},
                                {"question": "La décentralisation rend-elle la commune indépendante de l'État ?",
                                 "answer": "<p>Non. La collectivité s'administre librement <em>dans le cadre de "
                                           "la loi</em>. L'État fixe les règles, garde ses missions "
                                           "régaliennes et contrôle la légalité des actes locaux.</p>"},
                            ]),
                        ],
                    },
                    {
                        "slug": "subsidiarite-libre-administration-concomitance",
                        "title_fr": "Subsidiarité, libre administration, concomitance : les principes",
                        "title_en": "Subsidiarity, free administration, matching resources: the principles",
                        "body": [
                            ("paragraph",
                             "<p>Les lois de décentralisation diffèrent d'un pays à l'autre, mais elles "
                             "reposent presque toutes sur quelques principes communs. Les connaître "
                             "permet de lire plus facilement un code des collectivités, de comprendre "
                             "les arguments échangés avec l'État et, parfois, de défendre les intérêts "
                             "de sa commune avec des mots que tout le monde reconnaît.</p>"),
                            ("heading", "1. La subsidiarité : décider au plus près des habitants"),
                            ("paragraph",
                             "<p>Selon le principe de <strong>subsidiarité</strong>, une responsabilité "
                             "publique doit être exercée par le niveau le plus proche des citoyens "
                             "<em>qui est capable de l'exercer efficacement</em>. L'échelon supérieur "
                             "n'intervient que si l'échelon inférieur ne peut pas bien faire. "
                             "L'entretien d'une ruelle ou la gestion d'un marché de quartier relèvent "
                             "naturellement de la commune ; une autoroute ou un hôpital de référence "
                             "dépassent ses capacités.</p>"),
                            ("quote", {
                                "text": "L'exercice des responsabilités publiques doit, de façon générale, "
                                        "incomber, de préférence, aux autorités les plus proches des citoyens.",
                                "attribution": "Charte européenne de l'autonomie locale, article 4, paragraphe 3 "
                                               "(Conseil de l'Europe, 1985)",
                            }),
                            ("paragraph",
                             "<p>La subsidiarité n'est pas un slogan en faveur du « tout local ». Elle "
                             "oblige à se demander, compétence par compétence, quel niveau peut agir au "
                             "meilleur coût et avec la meilleure qualité. Pour une petite commune, la "
                             "réponse passe souvent par l'<strong>intercommunalité</strong> : plusieurs "
                             "communes mettent en commun la collecte des déchets ou un service "
                             "technique qu'aucune ne pourrait financer seule.</p>"),
                            ("heading", "2. La libre administration"),
                            ("paragraph",
                             "<p>Le principe de <strong>libre administration</strong> signifie que les "
                             "collectivités sont gérées par des conseils élus, qu'elles disposent de "
                             "compétences effectives et de ressources propres, et qu'elles décident "
                             "sans recevoir d'ordres de l'État pour les affaires qui leur sont "
                             "confiées. Cette liberté s'exerce toujours <em>dans le cadre de la loi</em> : "
                             "une commune ne peut ni créer un impôt que la loi ne prévoit pas, ni "
                             "ignorer les règles de la commande publique.</p>"),
                            ("heading", "3. La concomitance : pas de compétence sans ressources"),
                            ("paragraph",
                             "<p>Un transfert de compétences doit s'accompagner du transfert des "
                             "<strong>ressources correspondantes</strong> : argent, mais aussi "
                             "personnels, bâtiments et équipements. Ces ressources doivent arriver "
                             "<em>en même temps</em> que la compétence, d'où le mot concomitance. En "
                             "France, l'article 72-2 de la Constitution prévoit que tout transfert de "
                             "compétences entre l'État et les collectivités s'accompagne de "
                             "l'attribution de ressources équivalentes à celles qui étaient consacrées "
                             "à leur exercice. Le code général des collectivités territoriales "
                             "décentralisées adopté par le Cameroun en 2019 pose la même exigence.</p>"),
                            ("callout", {
                                "kind": "warning",
                                "title": "Le piège du transfert « à coût zéro »",
                                "text": "<p>Le risque le plus fréquent est de recevoir une compétence sans "
                                        "les moyens qui vont avec : des centres de santé à entretenir sans "
                                        "crédits, des écoles sans budget de maintenance. Avant tout transfert, "
                                        "demandez un <strong>état chiffré</strong> de ce que l'État dépensait "
                                        "pour cette compétence au cours des dernières années, et faites-le "
                                        "annexer à l'acte de transfert.</p>",
                            }),
                            ("callout", {
                                "kind": "example",
                                "title": "À Phnom Penh, des conseils de sangkat au plus près des habitants",
                                "text": "<p>Au Cambodge, les conseils de commune et de sangkat (l'équivalent "
                                        "urbain de la commune, par exemple dans les khans de Phnom Penh) sont "
                                        "élus depuis 2002. Ils tiennent l'état civil, gèrent de petits "
                                        "investissements de proximité et relaient les demandes des habitants "
                                        "vers la capitale : une illustration concrète de la subsidiarité, "
                                        "avec des moyens encore modestes.</p>",
                            }),
                            ("image", {
                                "title": "Subsidiarité : du quartier à l'État",
                                "alt": "Schéma en pyramide inversée : quartier, commune, intercommunalité, région, État, avec une flèche indiquant que la décision part du niveau le plus proche",
                                "caption": "Chaque compétence est confiée au niveau le plus proche capable de l'exercer efficacement.",
                                "color": "#2a7f62",
                            }),
                        ],
                    },
                    {
                        "slug": "tutelle-et-controle-de-legalite",
                        "title_fr": "De la tutelle au contrôle de légalité",
                        "title_en": "From prior supervision to legality review",
                        "body": [
                            ("paragraph",
                             "<p>Décentraliser ne veut pas dire laisser faire. Dans un État unitaire, "
                             "le représentant de l'État veille à ce que les collectivités respectent "
                             "la loi. Ce contrôle peut prendre deux formes très différentes, qui "
                             "changent le quotidien d'une mairie : la <strong>tutelle a priori</strong> "
                             "et le <strong>contrôle de légalité a posteriori</strong>.</p>"),
                            ("heading", "La tutelle a priori : l'accord avant l'action"),
                            ("paragraph",
                             "<p>Avec la tutelle a priori, certaines délibérations et décisions du maire "
                             "ne deviennent applicables <em>qu'après approbation</em> de l'autorité de "
                             "tutelle : préfet, gouverneur ou ministre. Le budget, les emprunts, les "
                             "tarifs ou les recrutements peuvent ainsi attendre un visa pendant des "
                             "semaines. L'autorité de tutelle peut parfois refuser une décision pour des "
                             "raisons d'opportunité, c'est-à-dire parce qu'elle la juge inutile ou "
                             "inopportune, et non seulement parce qu'elle est illégale.</p>"),
                            ("heading", "Le contrôle de légalité a posteriori : agir, puis rendre compte"),
                            ("paragraph",
                             "<p>Avec le contrôle a posteriori, les actes de la collectivité sont "
                             "<strong>exécutoires dès leur publication</strong> (ou leur notification) "
                             "et leur transmission au représentant de l'État. Celui-ci vérifie "
                             "seulement leur <em>légalité</em>. S'il estime qu'un acte est illégal, il "
                             "ne l'annule pas lui-même : il le défère au juge administratif, qui "
                             "tranche. La France a fait ce choix avec la loi du 2 mars 1982, qui a "
                             "supprimé la tutelle administrative a priori sur les communes, les "
                             "départements et les régions.</p>"),
                            ("table", {
                                "caption": "Deux façons de contrôler les actes locaux",
                                "header": ["Critère", "Tutelle a priori", "Contrôle de légalité a posteriori"],
                                "rows": [
                                    ["Moment du contrôle", "Avant l'entrée en vigueur de l'acte",
                                     "Après l'entrée en vigueur de l'acte"],
                                    ["Ce qui est contrôlé", "Légalité et parfois opportunité", "Légalité seulement"],
                                    ["Qui annule un acte irrégulier ?", "L'autorité de tutelle", "Le juge, saisi par le représentant de l'État"],
                                    ["Effet sur les délais", "Attente du visa, parfois longue", "Action immédiate, risque contentieux"],
                                    ["Responsabilité de la commune", "Partagée avec la tutelle", "Pleinement assumée"],
                                ],
                            }),
                            ("paragraph",
                             "<p>Dans la pratique, beaucoup de pays combinent les deux : les actes "
                             "courants sont soumis à un contrôle a posteriori, tandis que les actes les "
                             "plus lourds (budget, emprunts, conventions avec l'étranger, cessions de "
                             "terrains) restent soumis à une approbation préalable. Le passage "
                             "progressif de l'un à l'autre est un indicateur important du degré de "
                             "décentralisation d'un pays.</p>"),
                            ("callout", {
                                "kind": "key_point",
                                "title": "Plus de liberté, plus de rigueur",
                                "text": "<p>Le contrôle a posteriori donne de l'autonomie, mais il transfère "
                                        "le risque juridique à la commune. Chaque délibération doit être "
                                        "<strong>bien motivée</strong>, viser les bons textes et être "
                                        "transmise dans les délais. Un registre des actes transmis, avec leur "
                                        "date de transmission et de publication, est un outil simple et très "
                                        "utile pour le secrétariat général.</p>",
                            }),
                            ("case_study", {
                                "title": "La hausse des droits de place au marché central",
                                "context": "<p>Le conseil municipal d'une ville moyenne vote une hausse de 40 % "
                                           "des droits de place au marché central pour financer la réfection "
                                           "des toitures. Le pays applique le contrôle de légalité a "
                                           "posteriori. Des commerçants protestent et demandent au gouverneur "
                                           "d'« annuler » la délibération parce que la hausse est trop "
                                           "forte.</p>",
                                "question": "Le gouverneur peut-il annuler la délibération au motif que la hausse est excessive ?",
                                "discussion": "<p>Non. Dans un régime de contrôle a posteriori, le représentant "
                                              "de l'État ne juge pas l'opportunité de la hausse : il vérifie que "
                                              "la commune était compétente, que la procédure a été respectée et "
                                              "que le tarif respecte la loi (par exemple un plafond fixé par "
                                              "décret). S'il relève une illégalité, il saisit le juge. Les "
                                              "commerçants peuvent aussi saisir le juge. Le bon réflexe pour la "
                                              "mairie : expliquer la hausse, la lier à des travaux visibles et "
                                              "concerter les commerçants <em>avant</em> le vote.</p>",
                            }),
                            ("faq", [
                                {"question": "Que se passe-t-il si un acte n'est pas transmis au représentant de l'État ?",
                                 "answer": "<p>Dans les systèmes qui prévoient une transmission obligatoire, "
                                           "l'acte n'est pas exécutoire tant qu'il n'a pas été transmis. Les "
                                           "décisions prises sur son fondement sont alors fragiles, par exemple "
                                           "un marché signé sans que la délibération l'autorisant soit "
                                           "exécutoire.</p>"},
                                {"question": "Le contrôle de légalité remplace-t-il le contrôle financier ?",
                                 "answer": "<p>Non. À côté du contrôle de légalité existent des contrôles "
                                           "budgétaires et financiers (par exemple par une cour ou une chambre "
                                           "des comptes) et, bien sûr, le contrôle politique des électeurs.</p>"},
                            ]),
                        ],
                    },
                ],
                "quiz": {
                    "slug": "quiz-comprendre-la-decentralisation",
                    "title_fr": "Quiz : comprendre la décentralisation",
                    "title_en": "Quiz: understanding decentralisation",
                    "pass_mark": 60,
                    "questions": [
                        {
                            "type": "single",
                            "text": "Le ministère de la Santé ouvre une direction régionale dirigée par un "
                                    "fonctionnaire nommé par le ministre. De quoi s'agit-il ?",
                            "choices": [
                                {"text": "De déconcentration", "correct": True,
                                 "feedback": "Exact : l'État installe ses propres services sur le territoire, "
                                             "sous l'autorité hiérarchique du ministre. Aucun élu local n'est "
                                             "en jeu."},
                                {"text": "De décentralisation", "correct": False,
                                 "feedback": "Non : la décentralisation suppose des compétences confiées à une "
                                             "collectivité dirigée par des élus, avec un budget propre."},
                                {"text": "De délégation de service public", "correct": False,
                                 "feedback": "Non : une délégation de service public est un contrat qui confie "
                                             "la gestion d'un service à un opérateur."},
                            ],
                            "general_feedback": "Pour trancher, demandez-vous si les dirigeants sont élus ou "
                                                "nommés, et à qui ils rendent des comptes.",
                        },
                        {
                            "type": "truefalse",
                            "text": "Dans un régime de contrôle de légalité a posteriori, le représentant de "
                                    "l'État peut annuler lui-même une délibération municipale qu'il juge "
                                    "inopportune.",
                            "answer": False,
                            "feedback_true": "Non : le contrôle a posteriori porte sur la légalité, pas sur "
                                             "l'opportunité, et c'est le juge qui annule un acte illégal.",
                            "feedback_false": "Bonne réponse : le représentant de l'État vérifie seulement la "
                                              "légalité et, s'il relève une illégalité, il saisit le juge "
                                              "administratif.",
                            "general_feedback": "C'est la différence essentielle avec la tutelle a priori, où "
                                                "l'accord préalable de l'autorité de tutelle est nécessaire.",
                        },
                        {
                            "type": "shortanswer",
                            "text": "Quel principe veut qu'une responsabilité publique soit exercée par le "
                                    "niveau le plus proche des citoyens capable de l'exercer efficacement ? "
                                    "(un mot)",
                            "answers": [
                                {"text": "subsidiarité", "weight": 100,
                                 "feedback": "Oui : la subsidiarité, inscrite notamment à l'article 4 de la "
                                             "Charte européenne de l'autonomie locale."},
                                {"text": "subsidiarite", "weight": 100,
                                 "feedback": "Oui (sans l'accent) : la subsidiarité."},
                                {"text": "proximité", "weight": 0,
                                 "feedback": "C'est l'idée, mais le terme consacré est « subsidiarité »."},
                            ],
                            "general_feedback": "La subsidiarité n'est pas le « tout local » : elle demande de "
                                                "vérifier, compétence par compétence, quel niveau agit le mieux.",
                        },
                        {
                            "type": "matching",
                            "text": "Associez chaque situation au principe ou à la notion qu'elle illustre.",
                            "pairs": [
                                {"left": "L'État transfère la gestion des centres de santé avec les crédits et le personnel correspondants",
                                 "right": "Concomitance des transferts"},
                                {"left": "Le conseil municipal fixe ses priorités sans recevoir d'ordres du ministère",
                                 "right": "Libre administration"},
                                {"left": "Le maire confie à un adjoint la signature des actes d'état civil",
                                 "right": "Délégation"},
                                {"left": "Une délibération est exécutoire dès sa publication et sa transmission au préfet",
                                 "right": "Contrôle de légalité a posteriori"},
                            ],
                            "distractors": ["Tutelle a priori", "Déconcentration"],
                            "general_feedback": "Ces notions se combinent : une commune s'administre librement, "
                                                "reçoit des compétences avec leurs moyens et reste soumise au "
                                                "contrôle de légalité.",
                        },
                    ],
                },
            },
            # ---------------------------------------------------------------
            {
                "slug": "textes-de-reference",
                "title_fr": "Les textes de référence",
                "title_en": "Reference texts",
                "lessons": [
                    {
                        "slug": "charte-europeenne-autonomie-locale",
                        "title_fr": "La Charte européenne de l'autonomie locale (1985)",
                        "title_en": "The European Charter of Local Self-Government (1985)",
                        "body": [
                            ("paragraph",
                             "<p>Adoptée par le <strong>Conseil de l'Europe</strong> en 1985, la Charte "
                             "européenne de l'autonomie locale est le premier traité international "
                             "consacré aux collectivités locales. Entrée en vigueur en 1988, elle est "
                             "aujourd'hui ratifiée par tous les États membres du Conseil de l'Europe, "
                             "dont la France, la Belgique, la Suisse, le Luxembourg et Monaco. Même "
                             "pour une ville africaine, canadienne ou asiatique, elle reste une "
                             "référence : beaucoup de lois de décentralisation et la Charte africaine "
                             "de 2014 en reprennent l'esprit et parfois le vocabulaire.</p>"),
                            ("heading", "Une définition qui sert de boussole"),
                            ("quote", {
                                "text": "Par autonomie locale, on entend le droit et la capacité effective pour "
                                        "les collectivités locales de régler et de gérer, dans le cadre de la "
                                        "loi, sous leur propre responsabilité et au profit de leurs "
                                        "populations, une part importante des affaires publiques.",
                                "attribution": "Charte européenne de l'autonomie locale, article 3, paragraphe 1",
                            }),
                            ("paragraph",
                             "<p>Chaque mot compte. Le <em>droit</em> ne suffit pas : il faut une "
                             "<strong>capacité effective</strong>, c'est-à-dire des moyens humains et "
                             "financiers. L'action se fait <em>dans le cadre de la loi</em> : "
                             "l'autonomie n'est pas la souveraineté. Enfin, elle porte sur <em>une "
                             "part importante</em> des affaires publiques : une commune qui ne gère que "
                             "les cimetières et les fêtes locales n'est pas vraiment autonome.</p>"),
                            ("table", {
                                "caption": "Quelques articles de la Charte utiles au quotidien",
                                "header": ["Article", "Contenu", "Question à se poser dans sa commune"],
                                "rows": [
                                    ["Art. 3", "Définition de l'autonomie locale ; conseils élus au suffrage libre, secret, égalitaire, direct et universel",
                                     "Nos organes délibérants sont-ils élus et réellement décisionnaires ?"],
                                    ["Art. 4", "Portée de l'autonomie locale, dont la subsidiarité",
                                     "Nos compétences sont-elles claires, pleines et entières ?"],
                                    ["Art. 8", "Contrôle administratif des actes des collectivités",
                                     "Le contrôle porte-t-il sur la légalité, et est-il proportionné ?"],
                                    ["Art. 9", "Ressources financières proportionnées aux compétences",
                                     "Nos ressources suivent-elles nos compétences ?"],
                                    ["Art. 10", "Droit d'association des collectivités",
                                     "Participons-nous à une association nationale ou internationale de villes ?"],
                                    ["Art. 11", "Protection légale de l'autonomie locale",
                                     "Pouvons-nous saisir un juge pour défendre nos compétences ?"],
                                ],
                            }),
                            ("callout", {
                                "kind": "key_point",
                                "title": "L'article 9, le plus cité dans les négociations budgétaires",
                                "text": "<p>L'article 9 prévoit que les ressources financières des collectivités "
                                        "doivent être <strong>proportionnées aux compétences</strong> prévues par "
                                        "la Constitution ou la loi, qu'une partie au moins provienne de taxes "
                                        "locales dont elles fixent le taux, et que les systèmes de péréquation "
                                        "protègent les collectivités les plus faibles financièrement.</p>",
                            }),
                            ("paragraph",
                             "<p>Le respect de la Charte est suivi par le <strong>Congrès des pouvoirs "
                             "locaux et régionaux</strong> du Conseil de l'Europe, qui envoie des "
                             "missions de monitoring dans les États et publie des recommandations. Un "
                             "protocole additionnel, ouvert à la signature à Utrecht en 2009, porte sur "
                             "le droit de participer aux affaires des collectivités locales : il "
                             "étend la réflexion de la Charte aux habitants eux-mêmes.</p>"),
                            ("faq", [
                                {"question": "Mon pays n'est pas membre du Conseil de l'Europe. La Charte me concerne-t-elle ?",
                                 "answer": "<p>Elle ne vous oblige pas juridiquement, mais elle offre un "
                                           "vocabulaire et des critères reconnus. Citer l'article 9 lors d'un "
                                           "échange sur les transferts financiers, c'est s'appuyer sur un "
                                           "standard international plutôt que sur une simple revendication.</p>"},
                                {"question": "La Charte impose-t-elle une organisation territoriale précise ?",
                                 "answer": "<p>Non. Elle fixe des principes (élection, compétences, ressources, "
                                           "contrôle limité, protection juridique) et laisse chaque État "
                                           "organiser ses niveaux de collectivités.</p>"},
                            ]),
                            ("external_link", {
                                "title": "Conseil de l'Europe",
                                "url": "https://www.coe.int/",
                                "description": "Site officiel du Conseil de l'Europe : texte de la Charte, état des "
                                               "ratifications et travaux du Congrès des pouvoirs locaux et régionaux.",
                            }),
                        ],
                    },
                    {
                        "slug": "charte-africaine-decentralisation",
                        "title_fr": "La Charte africaine de la décentralisation (2014)",
                        "title_en": "The African Charter on Decentralisation (2014)",
                        "body": [
                            ("paragraph",
                             "<p>En juin 2014, lors de son sommet de Malabo, l'<strong>Union "
                             "africaine</strong> a adopté la <em>Charte africaine des valeurs et "
                             "principes de la décentralisation, de la gouvernance locale et du "
                             "développement local</em>. C'est le premier texte panafricain entièrement "
                             "consacré aux collectivités locales. Il affirme que le développement du "
                             "continent passe aussi par des villes et des communes capables de "
                             "planifier, de financer et de rendre des comptes.</p>"),
                            ("heading", "Ce que dit la Charte, en bref"),
                            ("paragraph",
                             "<p>La Charte engage les États qui la ratifient à promouvoir :</p>"
                             "<ul><li>la <strong>décentralisation</strong> comme moyen d'améliorer la "
                             "qualité de vie des populations, en respectant la <strong>subsidiarité</strong> ;</li>"
                             "<li>le transfert de <strong>ressources financières</strong> suffisantes et "
                             "le droit pour les collectivités de mobiliser leurs propres recettes ;</li>"
                             "<li>la <strong>participation</strong> des habitants, y compris des femmes, "
                             "des jeunes et des groupes marginalisés, à la décision locale ;</li>"
                             "<li>l'<strong>égalité entre les femmes et les hommes</strong> dans la "
                             "gouvernance locale ;</li>"
                             "<li>la reconnaissance du rôle des <strong>autorités traditionnelles</strong>, "
                             "dans le respect de la loi et des droits humains ;</li>"
                             "<li>la transparence, la redevabilité et la lutte contre la corruption.</li></ul>"
                             "<p>Elle prévoit aussi la création d'un <strong>Haut Conseil des "
                             "collectivités locales</strong>, organe consultatif de l'Union africaine "
                             "qui doit porter la voix des élus locaux au niveau continental.</p>"),
                            ("callout", {
                                "kind": "key_point",
                                "title": "Une charte qui engage les États qui la ratifient",
                                "text": "<p>Comme tout traité de l'Union africaine, la Charte ne s'applique "
                                        "qu'aux États qui l'ont ratifiée. Vérifiez la situation de votre pays "
                                        "sur le site de l'Union africaine : une ratification est un argument "
                                        "solide dans le dialogue avec l'État ; son absence peut devenir un "
                                        "objectif de plaidoyer pour l'association nationale des communes.</p>",
                            }),
                            ("heading", "Comparer avec la Charte européenne"),
                            ("paragraph",
                             "<p>Les deux textes partagent la subsidiarité, l'élection des organes "
                             "locaux et l'exigence de ressources proportionnées. La Charte africaine "
                             "va plus loin sur plusieurs sujets propres au continent : le "
                             "<em>développement local</em>, l'inclusion des jeunes et des femmes, la "
                             "place des chefferies traditionnelles et la coopération entre "
                             "collectivités de pays voisins. Elle rappelle ainsi qu'en Afrique, "
                             "décentraliser, c'est aussi organiser la cohabitation entre plusieurs "
                             "légitimités.</p>"),
                            ("case_study", {
                                "title": "Une commune, un chef de quartier et un lotissement",
                                "context": "<p>Dans une commune d'arrondissement de Yaoundé, un projet de "
                                           "lotissement municipal empiète sur des terres que les habitants "
                                           "considèrent comme relevant de la chefferie traditionnelle. Le "
                                           "chef refuse de participer aux réunions de la mairie et les "
                                           "travaux sont bloqués.</p>",
                                "question": "Quelle démarche, inspirée des principes de la Charte africaine, proposeriez-vous au maire ?",
                                "discussion": "<p>La Charte invite à reconnaître le rôle des autorités "
                                              "traditionnelles tout en respectant la loi. Concrètement : "
                                              "clarifier d'abord le statut foncier avec les services de l'État, "
                                              "puis associer le chef à un comité de suivi du projet, organiser "
                                              "une consultation ouverte aux habitants, notamment aux femmes et "
                                              "aux jeunes, et consigner par écrit les engagements pris. La "
                                              "commune garde la décision, mais elle la rend plus légitime et "
                                              "plus durable.</p>",
                            }),
                            ("image", {
                                "title": "Charte africaine 2014",
                                "alt": "Carte stylisée de l'Afrique avec des points reliés représentant des villes, et la mention Charte africaine de la décentralisation 2014",
                                "caption": "Un texte continental pour des collectivités qui planifient, financent et rendent des comptes.",
                                "color": "#b5651d",
                            }),
                            ("external_link", {
                                "title": "Union africaine",
                                "url": "https://au.int/",
                                "description": "Site officiel de l'Union africaine : texte de la Charte et liste des "
                                               "États signataires et ayant ratifié.",
                            }),
                        ],
                    },
                    {
                        "slug": "nouvel-agenda-urbain-et-odd",
                        "title_fr": "Nouvel Agenda urbain et localisation des ODD",
                        "title_en": "The New Urban Agenda and localising the SDGs",
                        "body": [
                            ("paragraph",
                             "<p>En septembre 2015, les États membres des Nations unies ont adopté le "
                             "Programme de développement durable à l'horizon 2030 et ses "
                             "<strong>17 objectifs de développement durable</strong> (ODD). Un an plus "
                             "tard, en octobre 2016, la conférence <strong>Habitat III</strong>, réunie "
                             "à <strong>Quito</strong> (Équateur), adoptait le <strong>Nouvel Agenda "
                             "urbain</strong>, qui précise comment les villes peuvent contribuer à ces "
                             "objectifs. Ces textes ne créent pas d'obligations juridiques pour les "
                             "communes, mais ils structurent aujourd'hui les financements, les "
                             "rapports et le dialogue avec les partenaires.</p>"),
                            ("heading", "Les deux ODD les plus proches des villes"),
                            ("table", {
                                "caption": "ODD 11 et ODD 16 : des cibles qui parlent aux collectivités",
                                "header": ["Objectif", "Énoncé (résumé)", "Exemples de cibles utiles à une ville"],
                                "rows": [
                                    ["ODD 11", "Villes et établissements humains ouverts à tous, sûrs, résilients et durables",
                                     "Logement décent et services de base ; transports sûrs et accessibles ; "
                                     "urbanisation participative ; gestion des déchets et qualité de l'air"],
                                    ["ODD 16", "Sociétés pacifiques et inclusives, justice pour tous, institutions efficaces, responsables et ouvertes",
                                     "Réduire nettement la corruption ; institutions efficaces, responsables et "
                                     "transparentes à tous les niveaux ; prise de décision ouverte et participative ; "
                                     "identité juridique pour tous, notamment par l'enregistrement des naissances"],
                                ],
                            }),
                            ("heading", "« Localiser » les ODD : de quoi s'agit-il ?"),
                            ("paragraph",
                             "<p>Localiser les ODD, c'est <strong>traduire des objectifs mondiaux en "
                             "priorités, en actions et en indicateurs locaux</strong>. Selon l'OCDE, au "
                             "moins 105 des 169 cibles des ODD ne pourront pas être atteintes sans "
                             "l'engagement des collectivités locales. En pratique, la démarche suit "
                             "souvent quatre étapes :</p>"
                             "<ol><li>rapprocher le plan de développement communal des ODD, cible par "
                             "cible ;</li>"
                             "<li>choisir quelques indicateurs mesurables localement (taux "
                             "d'enregistrement des naissances, part des ménages raccordés à l'eau, "
                             "tonnage de déchets collectés) ;</li>"
                             "<li>associer les habitants et les services de l'État à la collecte des "
                             "données ;</li>"
                             "<li>publier un bilan, par exemple sous la forme d'un <em>examen local "
                             "volontaire</em>, comme l'ont fait de nombreuses villes depuis 2018.</li></ol>"),
                            ("callout", {
                                "kind": "example",
                                "title": "Un exemple de mise en relation",
                                "text": "<p>Une commune de la banlieue de Tunis qui lance un programme de "
                                        "numérisation de l'état civil peut le rattacher à la cible 16.9 "
                                        "(identité juridique pour tous). Un programme de collecte des déchets "
                                        "se rattache à la cible 11.6. Ce simple travail d'étiquetage facilite "
                                        "l'écriture des demandes de financement et des rapports aux "
                                        "partenaires.</p>",
                            }),
                            ("callout", {
                                "kind": "warning",
                                "title": "Éviter l'« ODD-washing »",
                                "text": "<p>Coller un logo ODD sur chaque projet ne suffit pas. Les "
                                        "partenaires attendent une <strong>situation de référence</strong>, "
                                        "des cibles chiffrées et un suivi. Mieux vaut trois indicateurs "
                                        "suivis sérieusement que trente affichés sans données.</p>",
                            }),
                            ("faq", [
                                {"question": "Le Nouvel Agenda urbain est-il contraignant pour ma commune ?",
                                 "answer": "<p>Non. C'est une déclaration politique adoptée par les États. Sa "
                                           "force vient de son usage : les bailleurs, les agences des Nations "
                                           "unies et de nombreux gouvernements s'y réfèrent pour orienter "
                                           "leurs programmes urbains.</p>"},
                                {"question": "Qui suit la mise en œuvre du Nouvel Agenda urbain ?",
                                 "answer": "<p>ONU-Habitat coordonne le suivi, avec des rapports périodiques "
                                           "des États. Les réseaux de villes y contribuent en faisant remonter "
                                           "les expériences locales.</p>"},
                            ]),
                            ("external_link", {
                                "title": "Habitat III et le Nouvel Agenda urbain",
                                "url": "https://habitat3.org/",
                                "description": "Site officiel de la conférence de Quito (2016) et texte du Nouvel Agenda urbain.",
                            }),
                            ("external_link", {
                                "title": "ODD 11 : villes et communautés durables",
                                "url": "https://sdgs.un.org/goals/goal11",
                                "description": "Page officielle des Nations unies présentant les cibles et indicateurs de l'ODD 11.",
                            }),
                        ],
                    },
                ],
                "quiz": {
                    "slug": "quiz-textes-de-reference",
                    "title_fr": "Quiz : les textes de référence",
                    "title_en": "Quiz: reference texts",
                    "pass_mark": 60,
                    "questions": [
                        {
                            "type": "numerical",
                            "text": "En quelle année le Conseil de l'Europe a-t-il adopté la Charte européenne "
                                    "de l'autonomie locale ?",
                            "answers": [
                                {"value": 1985, "tolerance": 0, "weight": 100,
                                 "feedback": "Exact : 1985. La Charte est entrée en vigueur en 1988 et elle est "
                                             "ratifiée par tous les États membres du Conseil de l'Europe."},
                                {"value": 1988, "tolerance": 0, "weight": 0,
                                 "feedback": "1988 est l'année de son entrée en vigueur, pas de son adoption (1985)."},
                            ],
                            "general_feedback": "La Charte de 1985 est le premier traité international consacré "
                                                "à l'autonomie locale.",
                        },
                        {
                            "type": "single",
                            "text": "Où et quand le Nouvel Agenda urbain a-t-il été adopté ?",
                            "choices": [
                                {"text": "À Quito, en 2016, lors de la conférence Habitat III", "correct": True,
                                 "feedback": "Oui : Habitat III s'est tenue à Quito en octobre 2016."},
                                {"text": "À Malabo, en 2014, lors d'un sommet de l'Union africaine", "correct": False,
                                 "feedback": "Non : c'est la Charte africaine de la décentralisation qui a été "
                                             "adoptée en 2014 par l'Union africaine."},
                                {"text": "À Strasbourg, en 1985, au Conseil de l'Europe", "correct": False,
                                 "feedback": "Non : c'est la Charte européenne de l'autonomie locale."},
                                {"text": "À New York, en 2015, avec les ODD", "correct": False,
                                 "feedback": "Non : les ODD ont été adoptés en 2015 ; le Nouvel Agenda urbain a "
                                             "suivi un an plus tard, à Quito."},
                            ],
                            "general_feedback": "Retenez la chronologie : Charte européenne (1985), Charte africaine "
                                                "(2014), ODD (2015), Nouvel Agenda urbain (2016).",
                        },
                        {
                            "type": "multiple",
                            "text": "Quels ODD sont le plus directement liés à la gouvernance des villes, au "
                                    "sens de ce cours ? (plusieurs réponses)",
                            "choices": [
                                {"text": "ODD 11 : villes et établissements humains durables", "weight": 50,
                                 "feedback": "Oui : l'ODD 11 est l'objectif « urbain » par excellence."},
                                {"text": "ODD 16 : institutions efficaces, responsables et ouvertes", "weight": 50,
                                 "feedback": "Oui : l'ODD 16 couvre la lutte contre la corruption, la transparence "
                                             "et la décision participative, y compris au niveau local."},
                                {"text": "ODD 14 : vie aquatique", "weight": -50,
                                 "feedback": "Non : une ville côtière peut y contribuer, mais ce n'est pas un "
                                             "objectif de gouvernance."},
                                {"text": "Aucun : les ODD ne concernent que les États", "weight": -50,
                                 "feedback": "Non : selon l'OCDE, au moins 105 des 169 cibles supposent "
                                             "l'engagement des collectivités locales."},
                            ],
                            "general_feedback": "Localiser les ODD, c'est traduire ces objectifs en priorités et "
                                                "en indicateurs locaux.",
                        },
                        {
                            "type": "truefalse",
                            "text": "La Charte africaine des valeurs et principes de la décentralisation "
                                    "s'applique à tous les États membres de l'Union africaine, qu'ils l'aient "
                                    "ratifiée ou non.",
                            "answer": False,
                            "feedback_true": "Non : comme tout traité, elle n'engage que les États qui l'ont "
                                             "ratifiée.",
                            "feedback_false": "Exact : seule la ratification engage un État. Vérifier la situation "
                                              "de son pays est un bon point de départ pour un plaidoyer.",
                            "general_feedback": "Les textes internationaux n'ont pas tous la même force : traités "
                                                "ratifiés, déclarations politiques (comme le Nouvel Agenda urbain), "
                                                "objectifs (les ODD).",
                        },
                    ],
                },
            },
            # ---------------------------------------------------------------
            {
                "slug": "gouverner-avec-les-autres",
                "title_fr": "Gouverner avec l'État, les autres villes et les habitants",
                "title_en": "Governing with the State, other cities and residents",
                "lessons": [
                    {
                        "slug": "dialogue-maires-etat-associations",
                        "title_fr": "Dialoguer avec l'État : le rôle des associations de collectivités",
                        "title_en": "Dialogue with the State: the role of local government associations",
                        "body": [
                            ("paragraph",
                             "<p>Une commune seule pèse peu face à un ministère. Pourtant, la plupart des "
                             "décisions qui comptent pour elle se prennent au niveau national : montant "
                             "des transferts, liste des compétences transférées, statut des agents, "
                             "règles fiscales. C'est pourquoi les maires se regroupent dans des "
                             "<strong>associations nationales de collectivités</strong>, qui "
                             "représentent les villes auprès du gouvernement et du parlement, "
                             "mutualisent l'expertise et forment les élus et les agents.</p>"),
                            ("table", {
                                "caption": "Quelques associations nationales dans l'espace francophone",
                                "header": ["Pays", "Association", "Exemples de sujets portés"],
                                "rows": [
                                    ["Sénégal", "Association des maires du Sénégal (AMS)", "Transferts financiers, fonction publique locale"],
                                    ["Cameroun", "Communes et villes unies du Cameroun (CVUC)", "Mise en œuvre du code de 2019, fiscalité locale"],
                                    ["Tunisie", "Fédération nationale des communes tunisiennes (FNCT)", "Formation des élus, ressources des communes"],
                                    ["Québec (Canada)", "Union des municipalités du Québec (UMQ) et Fédération québécoise des municipalités (FQM)",
                                     "Partage des revenus avec la province, infrastructures"],
                                    ["Cambodge", "Ligue nationale des conseils locaux (NLC)", "Appui aux conseils de commune et de sangkat"],
                                    ["France", "Association des maires de France (AMF)", "Finances locales, normes imposées aux communes"],
                                ],
                            }),
                            ("paragraph",
                             "<p>Au niveau international, des réseaux comme <em>Cités et gouvernements "
                             "locaux unis</em> (CGLU), sa section africaine CGLU Afrique ou l'Association "
                             "internationale des maires francophones (AIMF) relaient la voix des villes "
                             "auprès des Nations unies et des bailleurs, et organisent l'échange "
                             "d'expériences entre pairs.</p>"),
                            ("heading", "Préparer un dialogue utile avec l'État"),
                            ("paragraph",
                             "<p>Un dialogue efficace se prépare comme un dossier technique. Une méthode "
                             "en cinq temps a fait ses preuves :</p>"
                             "<ol><li><strong>Documenter</strong> le problème avec des chiffres : "
                             "montant attendu et reçu, retards de versement, nombre d'agents "
                             "manquants.</li>"
                             "<li><strong>Se coordonner</strong> avec d'autres communes concernées, "
                             "via l'association nationale, pour parler d'une même voix.</li>"
                             "<li><strong>Proposer</strong> une solution réaliste plutôt qu'une simple "
                             "plainte : un calendrier de versement, un texte d'application, une "
                             "expérimentation.</li>"
                             "<li><strong>Choisir le bon interlocuteur</strong> : ministère des "
                             "collectivités, ministère des finances, commission parlementaire.</li>"
                             "<li><strong>Suivre</strong> les engagements pris, avec un compte rendu "
                             "écrit et une date de prochaine réunion.</li></ol>"),
                            ("quote", {
                                "text": "Quand je suis allée seule au ministère, on m'a écoutée poliment. Quand "
                                        "nous sommes revenus à douze communes, avec un tableau des retards de "
                                        "versement, on nous a donné un calendrier.",
                                "attribution": "Une maire adjointe, Sénégal (témoignage fictif)",
                            }),
                            ("case_study", {
                                "title": "Le fonds de dotation qui arrive en fin d'année",
                                "context": "<p>Depuis trois ans, la dotation de l'État destinée aux communes "
                                           "d'une région est versée en novembre, alors que le budget est "
                                           "voté en décembre de l'année précédente. Les chantiers prévus "
                                           "démarrent donc très tard, et une partie des crédits est perdue. "
                                           "Vous êtes directeur financier d'une des communes concernées.</p>",
                                "question": "Que pouvez-vous préparer pour que votre maire porte ce problème de façon efficace ?",
                                "discussion": "<p>Préparez une note de deux pages : dates de versement sur trois "
                                              "ans, montants, chantiers retardés et coût du retard (pénalités, "
                                              "hausse des prix). Proposez-la à l'association nationale pour "
                                              "qu'elle agrège les données d'autres communes. Formulez une "
                                              "demande précise, par exemple un versement en deux tranches "
                                              "(mars et septembre) publié à l'avance. Un problème chiffré et "
                                              "partagé est beaucoup plus difficile à ignorer.</p>",
                            }),
                            ("callout", {
                                "kind": "key_point",
                                "title": "Le rôle des agents dans le dialogue politique",
                                "text": "<p>Le dialogue avec l'État est porté par les élus, mais sa qualité "
                                        "dépend des agents : ce sont eux qui produisent les chiffres, "
                                        "rédigent les notes et assurent le suivi des engagements. Un bon "
                                        "tableau de bord vaut souvent mieux qu'un long discours.</p>",
                            }),
                        ],
                    },
                    {
                        "slug": "participation-citoyenne-et-egalite",
                        "title_fr": "Participation citoyenne et égalité femmes-hommes dans la décision locale",
                        "title_en": "Citizen participation and gender equality in local decision-making",
                        "body": [
                            ("paragraph",
                             "<p>La gouvernance locale ne se limite pas au dialogue entre le maire et "
                             "l'État. Elle concerne aussi la manière dont les habitants sont "
                             "<strong>informés</strong>, <strong>consultés</strong> et "
                             "<strong>associés</strong> aux décisions, et la place qu'y occupent les "
                             "femmes. Une décision prise avec les habitants est plus légitime, mieux "
                             "acceptée et souvent moins coûteuse à mettre en œuvre.</p>"),
                            ("heading", "L'échelle de la participation"),
                            ("table", {
                                "caption": "Du plus simple au plus exigeant",
                                "header": ["Niveau", "Ce que fait la commune", "Exemple"],
                                "rows": [
                                    ["Informer", "Rendre l'information accessible", "Affichage du budget voté au marché et sur la page de la mairie"],
                                    ["Consulter", "Recueillir des avis avant de décider", "Réunion publique sur le tracé d'une nouvelle voie"],
                                    ["Concerter", "Construire un projet avec les habitants", "Atelier avec les commerçants sur la rénovation du marché"],
                                    ["Codécider", "Partager la décision", "Budget participatif : les habitants votent des projets"],
                                ],
                            }),
                            ("paragraph",
                             "<p>Aucun niveau n'est « meilleur » en soi : l'important est d'être "
                             "<strong>clair sur ce qui est en jeu</strong>. Annoncer une concertation "
                             "alors que la décision est déjà prise produit de la déception et de la "
                             "défiance. Dites toujours aux participants ce qui peut encore changer et "
                             "comment leurs avis seront pris en compte.</p>"),
                            ("heading", "Faire plus de place aux femmes"),
                            ("paragraph",
                             "<p>Plusieurs pays francophones ont adopté des règles de parité. Au "
                             "Sénégal, la loi de 2010 sur la parité impose l'alternance des femmes et "
                             "des hommes sur les listes électorales. En Tunisie, les élections "
                             "municipales de 2018 ont appliqué une parité à la fois au sein des listes "
                             "et entre les têtes de liste, et près de la moitié des conseillers élus "
                             "étaient des femmes. Mais la présence au conseil ne garantit pas "
                             "l'influence : il faut aussi des femmes adjointes, présidentes de "
                             "commission et cheffes de service.</p>"
                             "<ul><li>fixer les réunions publiques à des heures compatibles avec les "
                             "contraintes familiales, et prévoir un espace pour les enfants ;</li>"
                             "<li>organiser des réunions non mixtes quand la parole des femmes est "
                             "difficile en public ;</li>"
                             "<li>ventiler les données par sexe (bénéficiaires, participants, agents) ;</li>"
                             "<li>examiner l'impact du budget sur les femmes et les hommes, par exemple "
                             "pour l'éclairage public, les toilettes des marchés ou les horaires des "
                             "transports.</li></ul>"),
                            ("quote", {
                                "text": "Le jour où nous avons déplacé les réunions de quartier du soir à la fin "
                                        "de matinée, le nombre de femmes présentes a triplé. Et les priorités ont "
                                        "changé : l'éclairage et les latrines du marché sont passés en tête.",
                                "attribution": "Une conseillère municipale, Tunisie (témoignage fictif)",
                            }),
                            ("callout", {
                                "kind": "example",
                                "title": "Montréal : des instances pour écouter les habitants",
                                "text": "<p>À Montréal, l'Office de consultation publique organise des "
                                        "consultations indépendantes sur les grands projets d'urbanisme, et "
                                        "la ville a lancé un budget participatif à l'échelle de toute la "
                                        "ville. L'intérêt de ces dispositifs est leur <strong>permanence</strong> : "
                                        "les habitants savent où et comment se faire entendre.</p>",
                            }),
                            ("faq", [
                                {"question": "La participation ne risque-t-elle pas de ralentir les projets ?",
                                 "answer": "<p>Elle prend du temps au départ, mais elle en fait souvent gagner "
                                           "ensuite : moins de blocages, moins de recours, des équipements mieux "
                                           "utilisés. Prévoyez-la dès le calendrier initial du projet.</p>"},
                                {"question": "Comment toucher les habitants qui ne viennent jamais aux réunions ?",
                                 "answer": "<p>Allez vers eux : permanences au marché, relais des associations "
                                           "de quartier et des chefs de quartier, messages vocaux en langues "
                                           "locales, questionnaires courts par téléphone.</p>"},
                            ]),
                        ],
                    },
                ],
                "quiz": {
                    "slug": "quiz-gouverner-avec-les-autres",
                    "title_fr": "Quiz : gouverner avec l'État, les autres villes et les habitants",
                    "title_en": "Quiz: governing with the State, other cities and residents",
                    "pass_mark": 60,
                    "questions": [
                        {
                            "type": "multiple",
                            "text": "Quelles mesures favorisent concrètement la participation des femmes à la "
                                    "décision locale ? (plusieurs réponses)",
                            "choices": [
                                {"text": "Adapter les horaires des réunions publiques", "weight": 33.33333,
                                 "feedback": "Oui : des horaires compatibles avec les contraintes familiales "
                                             "changent nettement la participation."},
                                {"text": "Ventiler les données par sexe", "weight": 33.33333,
                                 "feedback": "Oui : sans données ventilées, les inégalités restent invisibles."},
                                {"text": "Confier aussi aux femmes des postes d'adjointes et de présidentes de commission",
                                 "weight": 33.33334,
                                 "feedback": "Oui : la présence au conseil ne suffit pas, il faut aussi "
                                             "l'accès aux fonctions de décision."},
                                {"text": "Réserver les réunions aux chefs de ménage", "weight": -50,
                                 "feedback": "Non : cette règle exclut de fait la plupart des femmes et des jeunes."},
                            ],
                            "general_feedback": "La parité sur les listes est une étape ; l'égalité dans la "
                                                "décision demande aussi des pratiques quotidiennes.",
                        },
                        {
                            "type": "truefalse",
                            "text": "Annoncer une concertation alors que la décision est déjà prise est sans "
                                    "conséquence, puisque les habitants ont pu s'exprimer.",
                            "answer": False,
                            "feedback_true": "Non : les habitants s'en rendent compte, et la défiance qui en "
                                             "résulte pèse sur les projets suivants.",
                            "feedback_false": "Exact : il faut toujours dire clairement ce qui peut encore "
                                              "changer. Une fausse concertation détruit la confiance.",
                            "general_feedback": "Informer, consulter, concerter et codécider sont des niveaux "
                                                "différents : soyez honnête sur celui que vous proposez.",
                        },
                        {
                            "type": "single",
                            "text": "Pourquoi une commune a-t-elle intérêt à passer par son association "
                                    "nationale pour porter un problème de transferts financiers ?",
                            "choices": [
                                {"text": "Parce qu'un problème chiffré et partagé par de nombreuses communes pèse plus lourd",
                                 "correct": True,
                                 "feedback": "Oui : l'association agrège les données et parle au nom de "
                                             "toutes les collectivités concernées."},
                                {"text": "Parce que la loi interdit aux maires de s'adresser directement aux ministres",
                                 "correct": False,
                                 "feedback": "Non : un maire peut toujours écrire à un ministre ; c'est "
                                             "l'efficacité du plaidoyer qui est en jeu."},
                                {"text": "Parce que l'association verse elle-même les dotations", "correct": False,
                                 "feedback": "Non : les dotations sont versées par l'État ou par un fonds "
                                             "public, pas par l'association."},
                            ],
                            "general_feedback": "Documenter, se coordonner, proposer, choisir l'interlocuteur et "
                                                "suivre : les cinq temps d'un dialogue utile.",
                        },
                        {
                            "type": "essay",
                            "text": "Décrivez en 10 à 15 lignes une compétence de votre collectivité qui a été "
                                    "transférée (ou pourrait l'être) par l'État. Les ressources ont-elles "
                                    "suivi ? Quelle démarche proposeriez-vous pour en discuter avec l'État ?",
                            "general_feedback": "Une bonne réponse identifie la compétence, chiffre les "
                                                "ressources (ou leur absence) au regard du principe de "
                                                "concomitance, et propose une démarche concrète : données, "
                                                "alliance avec d'autres communes, interlocuteur, calendrier.",
                        },
                    ],
                },
            },
        ],
    },
    # =====================================================================
    # Course 2 - ISO 37001 : management anti-corruption
    # =====================================================================
    {
        "slug": "iso-37001-anticorruption-collectivites",
        "title_fr": "ISO 37001 : un système de management anti-corruption pour les collectivités",
        "title_en": "ISO 37001: an anti-bribery management system for local governments",
        "summary_fr": (
            "Découvrir la norme ISO 37001 et apprendre à l'appliquer aux "
            "processus sensibles d'une ville : marchés publics, permis, "
            "foncier, recettes, recrutement."
        ),
        "summary_en": (
            "Discover the ISO 37001 standard and learn how to apply it to a "
            "city's sensitive processes: procurement, permits, land, revenue "
            "collection and recruitment."
        ),
        "description_fr": (
            "La corruption coûte cher aux villes : des équipements surfacturés, "
            "des recettes qui n'arrivent jamais dans la caisse, des habitants "
            "qui perdent confiance. La norme ISO 37001, publiée en 2016 et "
            "révisée en 2025, propose une méthode pour prévenir, détecter et "
            "traiter la corruption au sein d'une organisation, publique ou "
            "privée. Ce cours présente la norme chapitre par chapitre, selon la "
            "structure harmonisée commune aux normes de management de l'ISO "
            "(chapitres 4 à 10), et la traduit dans le langage d'une mairie : "
            "cartographie des risques de corruption, politique anti-corruption, "
            "fonction conformité, diligence raisonnable, contrôles financiers et "
            "non financiers, cadeaux et invitations, dispositif de signalement, "
            "audit interne, revue de direction et amélioration continue. Il "
            "explique aussi ce qu'apporte la certification par un organisme "
            "tiers accrédité, et ce qu'elle ne garantit pas."
        ),
        "level": "intermediaire",
        "language": "fr",
        "topics": [
            "axe-decentralisation-gouvernance",
            "iso-37001",
            "gouvernance-locale",
        ],
        "outcomes_fr": [
            "Expliquer ce qu'est ISO 37001, ce qu'elle couvre et ce qu'elle ne "
            "couvre pas, y compris les limites de la certification.",
            "Situer les exigences de la norme dans la structure harmonisée, du "
            "chapitre 4 (contexte) au chapitre 10 (amélioration).",
            "Conduire une évaluation des risques de corruption sur les processus "
            "sensibles d'une collectivité.",
            "Proposer des contrôles financiers et non financiers adaptés aux "
            "marchés publics, aux permis, au foncier et aux recettes.",
            "Mettre en place une politique cadeaux et invitations et un "
            "dispositif de signalement protecteur.",
            "Préparer un audit interne, une revue de direction et une démarche "
            "de certification.",
        ],
        "prerequisites_fr": (
            "Connaître le fonctionnement général d'une collectivité ; le cours "
            "« Décentralisation et gouvernance locale » est utile mais non "
            "obligatoire."
        ),
        "trainer": {
            "name": "Karim Ben Salah",
            "bio_fr": (
                "Auditeur interne de formation, Karim Ben Salah a dirigé "
                "pendant dix ans le contrôle de gestion d'une grande commune "
                "tunisienne avant de devenir consultant en conformité. "
                "Auditeur principal ISO 37001, il accompagne des villes et des "
                "entreprises publiques du Maghreb et d'Afrique centrale dans "
                "leurs démarches anti-corruption. (Formateur fictif, pour la "
                "démonstration.)"
            ),
        },
        "cover": {"title": "ISO 37001", "color": "#7a1f3d"},
        "modules": [
            # ---------------------------------------------------------------
            {
                "slug": "comprendre-iso-37001",
                "title_fr": "Comprendre la norme",
                "title_en": "Understanding the standard",
                "lessons": [
                    {
                        "slug": "iso-37001-en-bref",
                        "title_fr": "ISO 37001 en bref : ce que fait la norme, et ce qu'elle ne fait pas",
                        "title_en": "ISO 37001 in brief: what the standard does and does not do",
                        "body": [
                            ("paragraph",
                             "<p>ISO 37001 est une norme internationale qui spécifie les "
                             "<strong>exigences d'un système de management anti-corruption</strong>. "
                             "Publiée pour la première fois en <strong>2016</strong> et révisée en "
                             "<strong>2025</strong>, elle s'applique à toute organisation, quels que "
                             "soient sa taille, son secteur ou son statut : une entreprise, une ONG, "
                             "un ministère ou une commune. Elle ne remplace pas la loi pénale ; elle "
                             "aide une organisation à <em>prévenir</em>, <em>détecter</em> et "
                             "<em>traiter</em> la corruption de manière organisée, documentée et "
                             "vérifiable.</p>"),
                            ("heading", "Quelle corruption vise-t-elle ?"),
                            ("paragraph",
                             "<p>La norme porte sur la corruption au sens des pots-de-vin : offrir, "
                             "promettre, donner, accepter ou solliciter un avantage indu, directement "
                             "ou par un intermédiaire, pour qu'une personne agisse ou s'abstienne "
                             "d'agir dans l'exercice de ses fonctions. Elle couvre :</p>"
                             "<ul><li>la corruption <strong>passive</strong> : un agent qui réclame "
                             "« quelque chose » pour accélérer un permis de construire ;</li>"
                             "<li>la corruption <strong>active</strong> : la commune, ou quelqu'un qui "
                             "agit pour elle, qui offre un avantage à un contrôleur ou à un "
                             "bailleur ;</li>"
                             "<li>la corruption commise par des <strong>partenaires</strong> de la "
                             "commune : entreprises titulaires de marchés, consultants, "
                             "intermédiaires.</li></ul>"
                             "<p>D'autres atteintes à la probité, comme la fraude interne, le "
                             "détournement ou le favoritisme, ne sont pas l'objet direct de la norme, "
                             "mais beaucoup de ses contrôles aident aussi à les prévenir.</p>"),
                            ("table", {
                                "caption": "Ce qu'ISO 37001 est, et ce qu'elle n'est pas",
                                "header": ["ISO 37001 est…", "ISO 37001 n'est pas…"],
                                "rows": [
                                    ["Une méthode de management fondée sur les risques", "Une liste d'interdits toute faite"],
                                    ["Un ensemble d'exigences vérifiables, donc certifiable", "Un simple guide de bonnes pratiques"],
                                    ["Proportionnée : les mesures dépendent de la taille et des risques", "Identique pour une commune rurale et une capitale"],
                                    ["Compatible avec les autres normes de management (qualité, conformité)", "Un dispositif isolé du reste de l'organisation"],
                                    ["Une aide pour prouver ses efforts de prévention", "Une garantie d'absence totale de corruption"],
                                ],
                            }),
                            ("callout", {
                                "kind": "warning",
                                "title": "La certification n'est pas un certificat de probité",
                                "text": "<p>Une collectivité certifiée a démontré à un organisme tiers accrédité "
                                        "qu'elle a mis en place des mesures <strong>raisonnables et "
                                        "proportionnées</strong>. Cela réduit le risque, mais ne garantit pas "
                                        "qu'aucun acte de corruption ne se produira. Communiquer sur la "
                                        "certification comme sur une « ville zéro corruption » serait une "
                                        "erreur, et un risque pour sa réputation.</p>",
                            }),
                            ("heading", "Pourquoi une ville s'y intéresserait-elle ?"),
                            ("paragraph",
                             "<p>Les raisons sont concrètes : protéger les recettes, obtenir de "
                             "meilleurs prix dans les marchés, rassurer les bailleurs de fonds et les "
                             "investisseurs, et surtout restaurer la confiance des habitants. La "
                             "démarche s'inscrit aussi dans la cible 16.5 des objectifs de "
                             "développement durable : réduire nettement la corruption et la pratique "
                             "des pots-de-vin sous toutes leurs formes. Elle complète le travail des "
                             "autorités nationales, comme l'OFNAC au Sénégal, la CONAC au Cameroun ou "
                             "l'Agence française anticorruption en France.</p>"),
                            ("faq", [
                                {"question": "Faut-il être certifié pour appliquer ISO 37001 ?",
                                 "answer": "<p>Non. Une commune peut utiliser la norme comme référentiel interne "
                                           "sans demander de certificat. La certification vient éventuellement "
                                           "plus tard, quand le système fonctionne et qu'elle veut le faire "
                                           "reconnaître.</p>"},
                                {"question": "Qu'a changé la révision de 2025 ?",
                                 "answer": "<p>La deuxième édition conserve l'architecture et la logique de 2016 "
                                           "et la structure harmonisée des normes de management. Elle précise "
                                           "et actualise certaines exigences ; une organisation certifiée selon "
                                           "la première édition dispose d'une période de transition pour "
                                           "s'adapter.</p>"},
                            ]),
                            ("external_link", {
                                "title": "ISO 37001 sur le site de l'ISO",
                                "url": "https://www.iso.org/standard/65034.html",
                                "description": "Fiche officielle de la première édition (2016) de la norme, avec "
                                               "son résumé et les informations sur les éditions.",
                            }),
                        ],
                    },
                    {
                        "slug": "structure-harmonisee-chapitres-4-a-10",
                        "title_fr": "La structure harmonisée : lire la norme du chapitre 4 au chapitre 10",
                        "title_en": "The harmonised structure: reading the standard from clause 4 to clause 10",
                        "body": [
                            ("paragraph",
                             "<p>Comme ISO 9001 (qualité), ISO 14001 (environnement) ou ISO 37301 "
                             "(conformité), ISO 37001 suit la <strong>structure harmonisée</strong> "
                             "des normes de management de l'ISO. Les chapitres 1 à 3 présentent le "
                             "domaine d'application, les références et les définitions. Les exigences "
                             "proprement dites se trouvent dans les <strong>chapitres 4 à 10</strong>, "
                             "toujours dans le même ordre. Une ville qui applique déjà une norme ISO "
                             "retrouvera donc ses repères.</p>"),
                            ("table", {
                                "caption": "Les chapitres 4 à 10 d'ISO 37001 appliqués à une commune",
                                "header": ["Chapitre", "Thème", "Contenu principal", "Traduction municipale"],
                                "rows": [
                                    ["4", "Contexte de l'organisme", "Enjeux, parties intéressées, périmètre, évaluation des risques de corruption",
                                     "Quels services, quels processus, quels risques dans notre ville ?"],
                                    ["5", "Leadership", "Engagement de la direction, politique anti-corruption, rôles, fonction conformité",
                                     "Le maire et le conseil s'engagent ; un responsable conformité est désigné"],
                                    ["6", "Planification", "Actions face aux risques, objectifs anti-corruption",
                                     "Objectifs mesurables et plan d'action annuel"],
                                    ["7", "Support", "Ressources, compétences, sensibilisation et formation, communication, informations documentées",
                                     "Former les agents exposés, tenir les registres et procédures à jour"],
                                    ["8", "Réalisation des activités opérationnelles", "Diligence raisonnable, contrôles financiers et non financiers, partenaires, engagements, cadeaux, signalement, enquêtes",
                                     "Les contrôles au quotidien dans les marchés, permis, recettes, recrutements"],
                                    ["9", "Évaluation des performances", "Surveillance, audit interne, revue de direction, revue par la fonction conformité",
                                     "Vérifier que le système fonctionne et en rendre compte"],
                                    ["10", "Amélioration", "Non-conformités, actions correctives, amélioration continue",
                                     "Corriger les causes, pas seulement les symptômes"],
                                ],
                            }),
                            ("paragraph",
                             "<p>Un conseil de lecture : dans le texte de la norme, le verbe "
                             "<strong>« doit »</strong> signale une exigence, vérifiée lors d'un audit, "
                             "tandis que <strong>« il convient »</strong> signale une recommandation. "
                             "L'annexe A, informative, donne des conseils de mise en œuvre très utiles "
                             "pour une collectivité : exemples de contrôles, de diligences ou de règles "
                             "sur les cadeaux. Elle aide à comprendre l'intention des exigences, sans "
                             "ajouter d'obligations. Lisez-la en parallèle du chapitre correspondant.</p>"),
                            ("heading", "Un cycle, pas une liste"),
                            ("paragraph",
                             "<p>Ces chapitres suivent la logique du cycle d'amélioration continue, "
                             "souvent résumé par quatre verbes :</p>"
                             "<ol><li><strong>Planifier</strong> (chapitres 4 à 6) : comprendre le "
                             "contexte, évaluer les risques, fixer la politique et les objectifs ;</li>"
                             "<li><strong>Faire</strong> (chapitres 7 et 8) : donner les moyens et "
                             "appliquer les contrôles ;</li>"
                             "<li><strong>Vérifier</strong> (chapitre 9) : surveiller, auditer, "
                             "examiner les résultats ;</li>"
                             "<li><strong>Agir</strong> (chapitre 10) : corriger et améliorer, puis "
                             "recommencer le cycle.</li></ol>"),
                            ("image", {
                                "title": "Planifier · Faire · Vérifier · Agir",
                                "alt": "Cercle divisé en quatre quarts : Planifier (chapitres 4 à 6), Faire (7 et 8), Vérifier (9), Agir (10)",
                                "caption": "Les chapitres 4 à 10 forment un cycle d'amélioration continue.",
                                "color": "#7a1f3d",
                            }),
                            ("callout", {
                                "kind": "key_point",
                                "title": "L'avantage de la structure commune",
                                "text": "<p>Parce que la structure est la même, une commune déjà certifiée "
                                        "ISO 9001 pour son état civil, par exemple, peut <strong>intégrer</strong> "
                                        "ISO 37001 dans son système existant : mêmes procédures de maîtrise "
                                        "des documents, même programme d'audit interne, même revue de "
                                        "direction. Cela réduit fortement la charge de travail.</p>",
                            }),
                            ("faq", [
                                {"question": "Faut-il rédiger un document par chapitre ?",
                                 "answer": "<p>Non. La norme exige des résultats et certaines informations "
                                           "documentées, pas un classeur par chapitre. Une table de "
                                           "correspondance entre vos procédures existantes et les chapitres "
                                           "de la norme est souvent le meilleur point de départ.</p>"},
                                {"question": "Par quel chapitre commencer ?",
                                 "answer": "<p>Par le chapitre 4, et en particulier l'évaluation des risques de "
                                           "corruption : tout le reste du système en dépend. Sans "
                                           "cartographie des risques, on ne sait pas où placer les "
                                           "contrôles.</p>"},
                            ]),
                        ],
                    },
                ],
                "quiz": {
                    "slug": "quiz-comprendre-iso-37001",
                    "title_fr": "Quiz : comprendre la norme",
                    "title_en": "Quiz: understanding the standard",
                    "pass_mark": 70,
                    "questions": [
                        {
                            "type": "numerical",
                            "text": "En quelle année la première édition d'ISO 37001 a-t-elle été publiée ?",
                            "answers": [
                                {"value": 2016, "tolerance": 0, "weight": 100,
                                 "feedback": "Exact : 2016. La norme a été révisée en 2025."},
                                {"value": 2025, "tolerance": 0, "weight": 0,
                                 "feedback": "2025 est l'année de la révision ; la première édition date de 2016."},
                            ],
                            "general_feedback": "Retenez : première édition en 2016, deuxième édition en 2025, "
                                                "avec la même structure harmonisée.",
                        },
                        {
                            "type": "truefalse",
                            "text": "Une commune certifiée ISO 37001 est garantie contre tout acte de corruption.",
                            "answer": False,
                            "feedback_true": "Non : la certification atteste des mesures raisonnables et "
                                             "proportionnées, pas une absence totale de corruption.",
                            "feedback_false": "Exact : la norme aide à prévenir, détecter et traiter la "
                                              "corruption, mais aucune organisation ne peut garantir le risque zéro.",
                            "general_feedback": "Communiquer sur une « ville zéro corruption » après une "
                                                "certification serait trompeur et dangereux pour la réputation.",
                        },
                        {
                            "type": "matching",
                            "text": "Associez chaque chapitre d'ISO 37001 à son thème.",
                            "pairs": [
                                {"left": "Chapitre 4", "right": "Contexte de l'organisme et évaluation des risques de corruption"},
                                {"left": "Chapitre 5", "right": "Leadership et politique anti-corruption"},
                                {"left": "Chapitre 8", "right": "Réalisation des activités opérationnelles (contrôles)"},
                                {"left": "Chapitre 9", "right": "Évaluation des performances"},
                                {"left": "Chapitre 10", "right": "Amélioration"},
                            ],
                            "distractors": ["Certification par l'État", "Sanctions pénales"],
                            "general_feedback": "Les chapitres 4 à 10 suivent la structure harmonisée commune "
                                                "à toutes les normes de management de l'ISO.",
                        },
                        {
                            "type": "single",
                            "text": "Un agent du service de l'urbanisme demande de l'argent à un habitant pour "
                                    "« accélérer » son permis de construire. De quoi s'agit-il au sens "
                                    "d'ISO 37001 ?",
                            "choices": [
                                {"text": "De corruption passive, couverte par la norme", "correct": True,
                                 "feedback": "Oui : l'agent sollicite un avantage indu pour agir dans "
                                             "l'exercice de ses fonctions."},
                                {"text": "D'un simple problème de qualité de service", "correct": False,
                                 "feedback": "Non : solliciter un avantage pour accomplir un acte de sa "
                                             "fonction est de la corruption, pas un retard administratif."},
                                {"text": "D'un sujet hors du champ de la norme, car l'habitant n'est pas un partenaire commercial",
                                 "correct": False,
                                 "feedback": "Non : la norme couvre aussi la corruption sollicitée par le "
                                             "personnel auprès des usagers."},
                            ],
                            "general_feedback": "ISO 37001 couvre la corruption active, la corruption passive et "
                                                "celle commise par des partenaires.",
                        },
                    ],
                },
            },
            # ---------------------------------------------------------------
            {
                "slug": "risques-et-engagement",
                "title_fr": "Évaluer les risques et s'engager",
                "title_en": "Assessing risks and committing",
                "lessons": [
                    {
                        "slug": "cartographier-risques-corruption",
                        "title_fr": "Cartographier les risques de corruption d'une ville",
                        "title_en": "Mapping a city's bribery risks",
                        "body": [
                            ("paragraph",
                             "<p>Le chapitre 4 de la norme demande à l'organisation de comprendre son "
                             "contexte et de réaliser une <strong>évaluation des risques de "
                             "corruption</strong>. C'est le socle du système : elle dit où la commune "
                             "est exposée, à quel point, et où concentrer les efforts. Elle doit être "
                             "documentée et mise à jour régulièrement, ainsi qu'à chaque changement "
                             "important : réorganisation, nouveau grand projet, nouvelle "
                             "compétence transférée.</p>"),
                            ("heading", "Les processus municipaux les plus exposés"),
                            ("table", {
                                "caption": "Exemples de scénarios de risque dans une collectivité",
                                "header": ["Processus", "Scénario de risque", "Signal d'alerte"],
                                "rows": [
                                    ["Marchés publics", "Cahier des charges taillé pour une entreprise en échange d'une commission",
                                     "Toujours les mêmes attributaires, offres très proches"],
                                    ["Permis de construire", "Paiement pour accélérer un dossier ou fermer les yeux sur une non-conformité",
                                     "Délais très variables d'un dossier à l'autre"],
                                    ["Attribution de terrains", "Lots attribués à des proches ou revendus contre rémunération",
                                     "Attributions hors commission, registre incomplet"],
                                    ["Recouvrement fiscal", "Arrangement avec un contribuable pour réduire sa base imposable",
                                     "Baisse inexpliquée des recettes d'un secteur"],
                                    ["Recrutement", "Poste obtenu contre paiement ou par favoritisme",
                                     "Absence de publication des postes, jurys non constitués"],
                                    ["Droits de place au marché", "Perception en espèces sans ticket, argent conservé par le collecteur",
                                     "Recettes stables alors que le marché s'agrandit"],
                                ],
                            }),
                            ("heading", "Une méthode simple en cinq étapes"),
                            ("paragraph",
                             "<p>La méthode peut être conduite en quelques ateliers :</p>"
                             "<ol><li><strong>Lister les processus</strong> de la commune et, pour "
                             "chacun, les étapes où une décision ou un paiement intervient.</li>"
                             "<li><strong>Décrire des scénarios</strong> concrets : qui pourrait "
                             "corrompre qui, pour obtenir quoi ?</li>"
                             "<li><strong>Coter chaque scénario</strong> selon sa probabilité et son "
                             "impact (financier, juridique, réputation, service rendu), par exemple de "
                             "1 à 4.</li>"
                             "<li><strong>Recenser les contrôles existants</strong> et estimer le "
                             "risque résiduel, c'est-à-dire ce qui reste une fois ces contrôles "
                             "appliqués.</li>"
                             "<li><strong>Décider du traitement</strong> : renforcer un contrôle, en "
                             "créer un nouveau, ou accepter un risque faible en le surveillant.</li></ol>"),
                            ("callout", {
                                "kind": "key_point",
                                "title": "Faire participer ceux qui connaissent le terrain",
                                "text": "<p>Une cartographie rédigée seule par un consultant reste souvent "
                                        "théorique. Les meilleurs résultats viennent d'ateliers courts avec "
                                        "les agents de chaque service : ils savent où se trouvent les "
                                        "failles. Garantissez-leur que l'exercice porte sur les "
                                        "<strong>processus</strong>, pas sur la recherche de coupables.</p>",
                            }),
                            ("case_study", {
                                "title": "Les droits de place d'un grand marché de quartier",
                                "context": "<p>Dans une commune d'arrondissement d'une grande ville (exemple fictif), "
                                           "les droits de place du marché sont perçus en espèces par huit "
                                           "collecteurs. Le nombre de commerçants a augmenté d'environ 30 % "
                                           "en trois ans, mais les recettes sont restées stables. Les tickets "
                                           "remis aux commerçants ne sont pas numérotés.</p>",
                                "question": "Comment coteriez-vous ce risque et quels contrôles proposeriez-vous ?",
                                "discussion": "<p>La probabilité est élevée (paiement en espèces, tickets non "
                                              "numérotés, écart entre activité et recettes) et l'impact "
                                              "financier important : le risque est prioritaire. Contrôles "
                                              "possibles : tickets numérotés et rapprochés chaque jour avec "
                                              "les versements, paiement par mobile money, rotation des "
                                              "collecteurs entre secteurs, recensement périodique des "
                                              "emplacements, et affichage public des tarifs pour que les "
                                              "commerçants sachent ce qu'ils doivent payer.</p>",
                            }),
                            ("faq", [
                                {"question": "Faut-il inclure des risques qui mettent en cause des élus ?",
                                 "answer": "<p>Oui. La norme porte sur toute l'organisation, direction comprise. "
                                           "Les scénarios sont décrits de façon générique (par exemple "
                                           "« intervention d'un décideur dans l'attribution d'un lot »), sans "
                                           "viser de personne.</p>"},
                                {"question": "À quelle fréquence mettre à jour la cartographie ?",
                                 "answer": "<p>Au moins une fois par an dans la pratique, et à chaque "
                                           "changement significatif. Les résultats des audits et des "
                                           "signalements doivent aussi l'alimenter.</p>"},
                            ]),
                        ],
                    },
                    {
                        "slug": "leadership-politique-fonction-conformite",
                        "title_fr": "Leadership, politique anti-corruption et fonction conformité",
                        "title_en": "Leadership, anti-bribery policy and the compliance function",
                        "body": [
                            ("paragraph",
                             "<p>Le chapitre 5 rappelle une évidence que l'on oublie souvent : sans "
                             "engagement visible des dirigeants, aucun dispositif anti-corruption ne "
                             "tient. La norme distingue l'<strong>organe de direction</strong>, qui "
                             "supervise (dans une commune, le plus souvent le conseil municipal ou une "
                             "de ses commissions), et la <strong>direction</strong>, qui dirige au "
                             "quotidien (le maire, le secrétaire général ou le directeur général des "
                             "services).</p>"),
                            ("heading", "Ce que l'on attend des dirigeants"),
                            ("paragraph",
                             "<p>Concrètement, la direction et l'organe de direction doivent :</p>"
                             "<ul><li>approuver la politique anti-corruption et veiller à ce qu'elle "
                             "soit appliquée ;</li>"
                             "<li>allouer des ressources suffisantes au système ;</li>"
                             "<li>communiquer, en interne et vers l'extérieur, sur l'engagement de la "
                             "collectivité ;</li>"
                             "<li>promouvoir une culture où l'on peut signaler un problème sans "
                             "crainte de représailles ;</li>"
                             "<li>recevoir régulièrement des informations sur le fonctionnement du "
                             "système et en tirer des décisions.</li></ul>"),
                            ("heading", "La politique anti-corruption"),
                            ("paragraph",
                             "<p>La politique est un document court, signé au plus haut niveau, "
                             "disponible pour tous les agents et partenaires. Elle "
                             "<strong>interdit la corruption</strong>, exige le respect des lois "
                             "applicables, s'engage à l'amélioration continue, encourage le "
                             "signalement de bonne foi, explique les conséquences d'un manquement et "
                             "précise l'autorité et l'indépendance de la fonction conformité. Elle "
                             "doit être traduite dans les langues de travail des agents et expliquée "
                             "lors de réunions de service.</p>"),
                            ("quote", {
                                "text": "Le jour où le maire a lu lui-même la politique devant tous les chefs de "
                                        "service, et a dit qu'elle s'appliquait d'abord à son cabinet, les "
                                        "agents ont compris que ce n'était pas un document de plus.",
                                "attribution": "Un secrétaire général de commune, Cameroun (témoignage fictif)",
                            }),
                            ("heading", "Des rôles clairs à tous les niveaux"),
                            ("paragraph",
                             "<p>La norme demande aussi que les responsabilités soient attribuées et "
                             "communiquées à chaque niveau. Chaque directeur est responsable de "
                             "l'application du système dans son service : le directeur de "
                             "l'urbanisme veille aux contrôles sur les permis, le receveur sur les "
                             "encaissements, le responsable des ressources humaines sur les "
                             "recrutements. L'anti-corruption n'est pas l'affaire d'un seul bureau, "
                             "mais une responsabilité de la chaîne hiérarchique, appuyée par un "
                             "spécialiste.</p>"),
                            ("heading", "La fonction conformité anti-corruption"),
                            ("paragraph",
                             "<p>La norme demande de confier à une personne ou une équipe la "
                             "<strong>fonction conformité anti-corruption</strong> : elle supervise la "
                             "conception et la mise en œuvre du système, conseille les agents, "
                             "s'assure que le système est conforme à la norme et rend compte à la "
                             "direction et à l'organe de direction. Elle doit disposer de "
                             "<strong>compétence</strong>, de <strong>statut</strong>, "
                             "d'<strong>autorité</strong> et d'<strong>indépendance</strong>, et "
                             "pouvoir s'adresser directement aux plus hauts responsables.</p>"),
                            ("callout", {
                                "kind": "warning",
                                "title": "Éviter les conflits de rôles",
                                "text": "<p>Confier la fonction conformité au directeur de la commande "
                                        "publique ou au responsable des recettes crée un conflit "
                                        "d'intérêts : il devrait contrôler son propre travail. Rattachez "
                                        "plutôt la fonction au secrétaire général ou à l'audit interne, avec "
                                        "un accès direct au maire et au conseil.</p>",
                            }),
                            ("faq", [
                                {"question": "Une petite commune doit-elle créer un poste à temps plein ?",
                                 "answer": "<p>Non. La norme est proportionnée : dans une petite collectivité, "
                                           "la fonction peut être exercée à temps partiel par un agent formé, "
                                           "éventuellement avec l'appui d'une intercommunalité ou d'un "
                                           "prestataire, à condition que son indépendance soit garantie.</p>"},
                                {"question": "Qui peut décider à la place du maire ?",
                                 "answer": "<p>Quand des décisions sont déléguées (signature, engagement de "
                                           "dépenses), la norme demande que ce processus de délégation soit "
                                           "maîtrisé : seuils, conflits d'intérêts, contrôle a posteriori.</p>"},
                            ]),
                        ],
                    },
                    {
                        "slug": "planification-et-support",
                        "title_fr": "Objectifs, compétences et formation : planifier et outiller le système",
                        "title_en": "Objectives, competence and training: planning and supporting the system",
                        "body": [
                            ("paragraph",
                             "<p>Une fois les risques connus et la politique adoptée, il faut "
                             "<strong>planifier</strong> (chapitre 6) et <strong>donner les "
                             "moyens</strong> d'agir (chapitre 7). C'est souvent là que les démarches "
                             "s'essoufflent : de bonnes intentions, mais ni objectifs mesurables, ni "
                             "agents formés, ni documents à jour.</p>"),
                            ("heading", "Des objectifs anti-corruption mesurables"),
                            ("table", {
                                "caption": "Exemples d'objectifs pour une collectivité",
                                "header": ["Objectif", "Indicateur", "Cible à 12 mois"],
                                "rows": [
                                    ["Former les agents exposés", "Part des agents des postes à risque formés", "100 %"],
                                    ["Sécuriser les recettes du marché", "Part des droits de place perçus sans espèces", "60 %"],
                                    ["Rendre la commande publique transparente", "Part des marchés publiés en ligne avec leur attributaire", "100 % au-dessus du seuil"],
                                    ["Faire vivre le signalement", "Délai moyen d'accusé de réception d'un signalement", "Moins de 5 jours ouvrés"],
                                ],
                            }),
                            ("paragraph",
                             "<p>Chaque objectif a un responsable, des moyens, une échéance et une "
                             "méthode d'évaluation. Ces objectifs alimentent le plan d'action annuel "
                             "et sont examinés lors de la revue de direction.</p>"),
                            ("heading", "Compétences et recrutement"),
                            ("paragraph",
                             "<p>Le chapitre 7 demande de s'assurer de la compétence des personnes qui "
                             "ont un rôle dans le système et d'adapter les <strong>procédures de "
                             "ressources humaines</strong> aux postes exposés : vérifications "
                             "préalables au recrutement ou à la promotion, déclaration des conflits "
                             "d'intérêts, engagement écrit de respecter la politique, et primes qui "
                             "n'encouragent pas la corruption (par exemple une prime liée au seul "
                             "nombre de permis délivrés peut pousser à fermer les yeux).</p>"),
                            ("heading", "Sensibiliser et former selon l'exposition"),
                            ("paragraph",
                             "<p>Tout le monde doit connaître la politique et savoir comment "
                             "signaler. Les agents les plus exposés ont besoin de plus : des cas "
                             "pratiques liés à leur métier, des rappels réguliers, et une formation "
                             "à l'arrivée dans le poste. Les partenaires à risque, comme les "
                             "collecteurs privés ou les bureaux d'études, peuvent aussi être "
                             "sensibilisés.</p>"),
                            ("callout", {
                                "kind": "example",
                                "title": "Une formation courte mais ciblée",
                                "text": "<p>Une ville de la région de Sousse (exemple fictif) a remplacé sa "
                                        "journée générale de formation par des modules de 45 minutes par "
                                        "métier : « le guichet de l'urbanisme », « la commission "
                                        "d'ouverture des plis », « la collecte au marché ». Les agents ont "
                                        "jugé ces séances plus utiles, et les questions posées ont permis "
                                        "d'enrichir la cartographie des risques.</p>",
                            }),
                            ("heading", "Communiquer en interne et vers l'extérieur"),
                            ("paragraph",
                             "<p>Le chapitre 7 demande aussi de décider <em>quoi</em> communiquer, "
                             "<em>quand</em>, <em>à qui</em>, <em>comment</em> et <em>par qui</em>. "
                             "Pour une commune, cela peut être : la politique affichée dans chaque "
                             "guichet et publiée sur le site de la ville, une clause rappelant la "
                             "politique dans chaque avis d'appel d'offres, un message sur les tarifs "
                             "officiels diffusé à la radio locale, ou une information aux commerçants "
                             "du marché dans les langues qu'ils parlent. Une règle que les usagers "
                             "connaissent est une règle plus difficile à contourner.</p>"),
                            ("heading", "Les informations documentées"),
                            ("paragraph",
                             "<p>La norme exige de conserver certaines preuves : la politique, "
                             "l'évaluation des risques, les formations suivies, les déclarations de "
                             "conflits d'intérêts, le registre des cadeaux, les résultats des "
                             "diligences, des audits et des enquêtes. Ces documents doivent être "
                             "protégés, accessibles aux personnes autorisées et conservés pendant une "
                             "durée définie.</p>"),
                            ("faq", [
                                {"question": "Faut-il un logiciel spécialisé pour gérer les documents ?",
                                 "answer": "<p>Non. Un espace partagé bien organisé, avec des droits d'accès et "
                                           "des versions datées, suffit souvent au départ. L'essentiel est de "
                                           "savoir qui tient quel document et où le trouver.</p>"},
                            ]),
                        ],
                    },
                ],
                "quiz": {
                    "slug": "quiz-risques-et-engagement",
                    "title_fr": "Quiz : évaluer les risques et s'engager",
                    "title_en": "Quiz: assessing risks and committing",
                    "pass_mark": 70,
                    "questions": [
                        {
                            "type": "multiple",
                            "text": "Parmi ces processus municipaux, lesquels figurent habituellement parmi les "
                                    "plus exposés au risque de corruption ? (plusieurs réponses)",
                            "choices": [
                                {"text": "La passation des marchés publics", "weight": 25,
                                 "feedback": "Oui : montants élevés et décisions discrétionnaires."},
                                {"text": "La délivrance des permis de construire", "weight": 25,
                                 "feedback": "Oui : l'usager a intérêt à obtenir vite une décision favorable."},
                                {"text": "L'attribution de terrains", "weight": 25,
                                 "feedback": "Oui : le foncier a une forte valeur et les registres sont souvent incomplets."},
                                {"text": "La perception des droits de place au marché", "weight": 25,
                                 "feedback": "Oui : la perception en espèces facilite les détournements et les arrangements."},
                                {"text": "L'affichage des horaires d'ouverture de la mairie", "weight": -50,
                                 "feedback": "Non : ce n'est pas une décision qui procure un avantage à quelqu'un."},
                            ],
                            "general_feedback": "Le recouvrement fiscal et le recrutement complètent cette liste "
                                                "des processus à risque d'une ville.",
                        },
                        {
                            "type": "shortanswer",
                            "text": "Complétez : la norme demande de confier à une personne ou une équipe "
                                    "indépendante la fonction ________ anti-corruption. (un mot)",
                            "answers": [
                                {"text": "conformité", "weight": 100,
                                 "feedback": "Oui : la fonction conformité anti-corruption supervise le système "
                                             "et rend compte à la direction et à l'organe de direction."},
                                {"text": "conformite", "weight": 100,
                                 "feedback": "Oui (sans l'accent) : la fonction conformité."},
                                {"text": "audit", "weight": 0,
                                 "feedback": "Pas tout à fait : l'audit interne vérifie le système, mais la "
                                             "fonction chargée de le superviser est la fonction conformité."},
                            ],
                            "general_feedback": "Compétence, statut, autorité et indépendance : ce sont les "
                                                "quatre garanties attendues de la fonction conformité.",
                        },
                        {
                            "type": "single",
                            "text": "Qui est le mieux placé pour exercer la fonction conformité dans une commune ?",
                            "choices": [
                                {"text": "Un agent rattaché au secrétaire général, avec un accès direct au maire et au conseil",
                                 "correct": True,
                                 "feedback": "Oui : ce rattachement garantit à la fois l'autorité et "
                                             "l'indépendance vis-à-vis des services contrôlés."},
                                {"text": "Le directeur de la commande publique", "correct": False,
                                 "feedback": "Non : il contrôlerait son propre travail, ce qui crée un conflit "
                                             "d'intérêts."},
                                {"text": "Le receveur des droits de place du marché", "correct": False,
                                 "feedback": "Non : il occupe lui-même un poste exposé."},
                            ],
                            "general_feedback": "L'indépendance se juge au rattachement hiérarchique et à "
                                                "l'absence de responsabilité opérationnelle sur les processus contrôlés.",
                        },
                        {
                            "type": "truefalse",
                            "text": "Une prime versée aux agents de l'urbanisme en fonction du seul nombre de "
                                    "permis délivrés peut accroître le risque de corruption.",
                            "answer": True,
                            "feedback_true": "Exact : une telle prime pousse à délivrer vite et beaucoup, "
                                             "parfois en fermant les yeux sur des non-conformités. La norme "
                                             "demande que les primes n'encouragent pas la corruption.",
                            "feedback_false": "Si : les dispositifs de rémunération font partie des "
                                              "procédures RH à examiner au chapitre 7.",
                            "general_feedback": "Combinez plutôt des indicateurs de quantité, de délai et de "
                                                "qualité (taux de dossiers conformes au contrôle).",
                        },
                    ],
                },
            },
            # ---------------------------------------------------------------
            {
                "slug": "controles-operationnels",
                "title_fr": "Mettre en œuvre les contrôles",
                "title_en": "Implementing controls",
                "lessons": [
                    {
                        "slug": "diligence-raisonnable-et-controles",
                        "title_fr": "Diligence raisonnable, contrôles financiers et non financiers",
                        "title_en": "Due diligence, financial and non-financial controls",
                        "body": [
                            ("paragraph",
                             "<p>Le chapitre 8 est le cœur opérationnel de la norme. Il transforme la "
                             "cartographie des risques en <strong>contrôles concrets</strong>, "
                             "appliqués chaque jour dans les services. Pour une ville, trois familles "
                             "de mesures sont essentielles : la diligence raisonnable, les contrôles "
                             "financiers et les contrôles non financiers, complétés par des exigences "
                             "envers les partenaires.</p>"),
                            ("heading", "La diligence raisonnable : savoir à qui l'on a affaire"),
                            ("paragraph",
                             "<p>Lorsque le risque n'est pas faible, la commune doit se renseigner "
                             "avant d'agir : sur une entreprise qui soumissionne, un consultant, un "
                             "intermédiaire foncier, ou un agent promu à un poste sensible. Qui sont "
                             "les propriétaires réels de l'entreprise ? A-t-elle déjà été sanctionnée ? "
                             "Un élu ou un agent y a-t-il des intérêts ? Le prix proposé est-il "
                             "cohérent avec le marché ? L'ampleur de la diligence est "
                             "<strong>proportionnée au risque</strong> : une fiche de deux questions "
                             "pour un petit achat, une vérification approfondie pour un contrat de "
                             "concession.</p>"),
                            ("table", {
                                "caption": "Exemples de contrôles dans une collectivité",
                                "header": ["Type de contrôle", "Exemples"],
                                "rows": [
                                    ["Contrôles financiers", "Séparation entre engagement, liquidation et paiement ; double signature au-delà d'un seuil ; "
                                     "paiements uniquement par virement vers un compte vérifié ; rapprochements bancaires mensuels"],
                                    ["Contrôles non financiers : marchés", "Publicité des avis ; commission d'ouverture des plis collégiale ; critères "
                                     "d'attribution publiés à l'avance ; déclaration d'absence de conflit d'intérêts des membres"],
                                    ["Contrôles non financiers : permis et foncier", "Dépôt et suivi des dossiers en ligne ; traitement dans l'ordre d'arrivée ; "
                                     "registre public des attributions ; rotation des instructeurs"],
                                    ["Partenaires", "Clause anti-corruption dans les contrats ; droit d'audit ; possibilité de résilier en cas de corruption"],
                                ],
                            }),
                            ("heading", "Les partenaires et les organismes contrôlés"),
                            ("paragraph",
                             "<p>Une commune agit souvent par l'intermédiaire d'autres acteurs : "
                             "société d'économie mixte, régie autonome, délégataire de service public, "
                             "bureau d'études. La norme demande de vérifier que les organismes qu'elle "
                             "contrôle appliquent des mesures anti-corruption raisonnables, et d'obtenir "
                             "des <strong>engagements anti-corruption</strong> des partenaires "
                             "présentant un risque plus que faible, par exemple par une clause "
                             "contractuelle permettant de mettre fin au contrat en cas de "
                             "corruption.</p>"),
                            ("callout", {
                                "kind": "example",
                                "title": "Montréal : contrôler la commande publique après une crise",
                                "text": "<p>Au Québec, la commission Charbonneau, qui a enquêté de 2011 à 2015 "
                                        "sur l'octroi des contrats publics dans l'industrie de la construction, "
                                        "a mis au jour des pratiques de collusion et de corruption touchant "
                                        "notamment des contrats municipaux. Montréal s'est dotée en 2014 d'un "
                                        "Bureau de l'inspecteur général chargé de surveiller ses processus "
                                        "d'attribution et l'exécution de ses contrats : un exemple de contrôle "
                                        "non financier indépendant.</p>",
                            }),
                            ("case_study", {
                                "title": "Une entreprise qui gagne trop souvent",
                                "context": "<p>Dans une commune de taille moyenne, la même entreprise de "
                                           "voirie remporte sept marchés sur neuf en deux ans. Ses offres "
                                           "sont toujours légèrement inférieures à celles des concurrents. "
                                           "Le chef du service technique siège à la commission d'attribution "
                                           "et rédige les cahiers des charges.</p>",
                                "question": "Quels contrôles la fonction conformité pourrait-elle recommander ?",
                                "discussion": "<p>Plusieurs signaux appellent une vérification : taux de "
                                              "succès élevé, écarts de prix réduits, concentration des rôles. "
                                              "Recommandations : séparer la rédaction du cahier des charges et "
                                              "l'évaluation des offres ; faire signer des déclarations de "
                                              "conflits d'intérêts ; vérifier les bénéficiaires effectifs des "
                                              "soumissionnaires ; comparer les prix avec ceux de communes "
                                              "voisines ; élargir la publicité pour attirer plus de candidats. "
                                              "Rien ne prouve encore une faute : il s'agit de réduire le "
                                              "risque, et d'ouvrir une enquête si des éléments précis "
                                              "apparaissent.</p>",
                            }),
                        ],
                    },
                    {
                        "slug": "cadeaux-signalement-enquetes",
                        "title_fr": "Cadeaux, signalement et enquêtes",
                        "title_en": "Gifts, raising concerns and investigations",
                        "body": [
                            ("paragraph",
                             "<p>Dans beaucoup de cultures administratives, offrir un présent est un "
                             "geste de politesse. Mais un cadeau peut aussi créer une dette morale ou "
                             "dissimuler un pot-de-vin. La norme demande donc de maîtriser les "
                             "<strong>cadeaux, invitations, dons et avantages similaires</strong>, "
                             "de permettre à chacun de <strong>signaler</strong> un soupçon et de "
                             "<strong>traiter</strong> sérieusement les cas révélés.</p>"),
                            ("heading", "Une politique cadeaux claire et connue"),
                            ("table", {
                                "caption": "Exemple de règles internes (à adapter au droit national et au contexte)",
                                "header": ["Situation", "Règle proposée"],
                                "rows": [
                                    ["Objet promotionnel de faible valeur (calendrier, stylo)", "Accepté, sans déclaration"],
                                    ["Cadeau au-delà d'un seuil fixé par la commune", "Déclaré au registre ; remis à la commune ou refusé"],
                                    ["Tout cadeau d'un soumissionnaire pendant une procédure de marché", "Refusé, quelle que soit sa valeur"],
                                    ["Espèces ou équivalents (cartes prépayées, crédit téléphonique)", "Toujours refusés"],
                                    ["Invitation à un repas d'affaires", "Autorisée si elle est occasionnelle, raisonnable et déclarée"],
                                    ["Don ou parrainage reçu par la commune", "Accepté par une décision formelle, publié, sans contrepartie"],
                                ],
                            }),
                            ("callout", {
                                "kind": "key_point",
                                "title": "Trois questions avant d'accepter",
                                "text": "<p>Avant d'accepter un cadeau, demandez-vous : <strong>pourquoi</strong> "
                                        "me l'offre-t-on maintenant ? Serais-je à l'aise si la presse ou mes "
                                        "collègues l'apprenaient ? La personne attend-elle une décision de ma "
                                        "part ? Si l'une des réponses vous gêne, refusez poliment ou "
                                        "déclarez.</p>",
                            }),
                            ("heading", "Le signalement : permettre de parler sans risque"),
                            ("paragraph",
                             "<p>La norme exige des procédures qui permettent de signaler, de bonne foi "
                             "ou sur la base d'une conviction raisonnable, une tentative ou un soupçon "
                             "de corruption, ou une violation du système. Un bon dispositif :</p>"
                             "<ul><li>offre plusieurs canaux (ligne téléphonique, adresse électronique, "
                             "boîte aux lettres, entretien avec la fonction conformité) ;</li>"
                             "<li>garantit la <strong>confidentialité</strong> de l'identité du lanceur "
                             "d'alerte et, lorsque c'est possible, permet l'anonymat ;</li>"
                             "<li>interdit et sanctionne les <strong>représailles</strong> ;</li>"
                             "<li>est ouvert aux habitants et aux entreprises, pas seulement aux agents ;</li>"
                             "<li>accuse réception et informe le lanceur d'alerte des suites données.</li></ul>"),
                            ("heading", "Enquêter et traiter"),
                            ("paragraph",
                             "<p>Chaque signalement doit être évalué et, si nécessaire, donner lieu à "
                             "une enquête menée par des personnes compétentes et indépendantes des "
                             "faits. Selon les résultats : mesures disciplinaires, renforcement des "
                             "contrôles, signalement aux autorités judiciaires ou à l'organe national "
                             "anti-corruption. Les conclusions alimentent la cartographie des risques.</p>"),
                            ("case_study", {
                                "title": "Le panier de fin d'année",
                                "context": "<p>En décembre, le directeur d'une entreprise de collecte des "
                                           "déchets, titulaire d'un contrat avec la commune, fait livrer au "
                                           "service de la propreté un grand panier garni et une enveloppe "
                                           "contenant des bons d'achat, « pour remercier l'équipe ». Le "
                                           "contrat doit être renouvelé au printemps.</p>",
                                "question": "Que doit faire le chef de service ?",
                                "discussion": "<p>Les bons d'achat sont des équivalents d'espèces : ils doivent "
                                              "être refusés et restitués, avec un courrier rappelant la "
                                              "politique de la commune. Le panier, offert par un partenaire "
                                              "dont le contrat va être renouvelé, doit être déclaré et, selon "
                                              "les règles internes, refusé ou remis à une œuvre sociale. Le "
                                              "chef de service informe la fonction conformité : ce n'est pas "
                                              "une accusation, mais une protection pour lui et pour "
                                              "l'équipe.</p>",
                            }),
                            ("image", {
                                "title": "Un doute ? Je signale.",
                                "alt": "Affiche stylisée montrant une bulle de dialogue et un cadenas, symbolisant un canal de signalement confidentiel",
                                "caption": "Un dispositif de signalement n'est utile que s'il est connu, accessible et protecteur.",
                                "color": "#5b2a86",
                            }),
                        ],
                    },
                ],
                "quiz": {
                    "slug": "quiz-controles-operationnels",
                    "title_fr": "Quiz : mettre en œuvre les contrôles",
                    "title_en": "Quiz: implementing controls",
                    "pass_mark": 70,
                    "questions": [
                        {
                            "type": "numerical",
                            "text": "Dans la structure harmonisée d'ISO 37001, quel est le numéro du chapitre "
                                    "consacré à la réalisation des activités opérationnelles (diligence "
                                    "raisonnable, contrôles, cadeaux, signalement, enquêtes) ?",
                            "answers": [
                                {"value": 8, "tolerance": 0, "weight": 100,
                                 "feedback": "Exact : le chapitre 8 regroupe les contrôles opérationnels."},
                                {"value": 7, "tolerance": 0, "weight": 0,
                                 "feedback": "Le chapitre 7 porte sur le support (ressources, compétences, "
                                             "formation, documents) ; les contrôles sont au chapitre 8."},
                            ],
                            "general_feedback": "Planifier (4 à 6), faire (7 et 8), vérifier (9), agir (10).",
                        },
                        {
                            "type": "matching",
                            "text": "Associez chaque mesure à la famille de contrôles à laquelle elle appartient.",
                            "pairs": [
                                {"left": "Double signature pour les paiements au-delà d'un seuil", "right": "Contrôle financier"},
                                {"left": "Commission d'ouverture des plis collégiale", "right": "Contrôle non financier"},
                                {"left": "Vérification des bénéficiaires effectifs d'un soumissionnaire", "right": "Diligence raisonnable"},
                                {"left": "Clause de résiliation en cas de corruption dans un contrat", "right": "Engagement anti-corruption d'un partenaire"},
                            ],
                            "distractors": ["Revue de direction", "Action corrective"],
                            "general_feedback": "Ces mesures se complètent : aucune ne suffit seule à couvrir un "
                                                "processus à risque.",
                        },
                        {
                            "type": "multiple",
                            "text": "Quelles caractéristiques doit avoir un bon dispositif de signalement ? "
                                    "(plusieurs réponses)",
                            "choices": [
                                {"text": "Garantir la confidentialité de l'identité du lanceur d'alerte", "weight": 33.33333,
                                 "feedback": "Oui : sans confidentialité, personne n'ose signaler."},
                                {"text": "Protéger contre les représailles", "weight": 33.33333,
                                 "feedback": "Oui : la norme demande d'interdire et de prévenir les représailles."},
                                {"text": "Être ouvert aux habitants et aux entreprises", "weight": 33.33334,
                                 "feedback": "Oui : les usagers et les fournisseurs sont souvent les premiers "
                                             "témoins d'une sollicitation."},
                                {"text": "Exiger que le lanceur d'alerte apporte des preuves complètes", "weight": -50,
                                 "feedback": "Non : la bonne foi ou une conviction raisonnable suffit ; "
                                             "l'enquête sert justement à établir les faits."},
                            ],
                            "general_feedback": "Un dispositif connu, accessible et protecteur fait remonter des "
                                                "informations que les contrôles ne voient pas.",
                        },
                        {
                            "type": "single",
                            "text": "Un soumissionnaire offre des cartes de crédit téléphonique aux membres de "
                                    "la commission pendant l'analyse des offres. Que faire ?",
                            "choices": [
                                {"text": "Refuser, consigner l'offre et informer la fonction conformité", "correct": True,
                                 "feedback": "Oui : ce sont des équivalents d'espèces, offerts pendant une "
                                             "procédure ; l'incident doit être tracé et analysé."},
                                {"text": "Accepter, car la valeur unitaire est faible", "correct": False,
                                 "feedback": "Non : la faible valeur ne compte pas ici ; le moment (procédure "
                                             "en cours) et la nature (équivalent d'espèces) sont décisifs."},
                                {"text": "Accepter et les partager avec tout le service", "correct": False,
                                 "feedback": "Non : le partage ne supprime pas la dette morale envers le soumissionnaire."},
                            ],
                            "general_feedback": "Pendant une procédure de marché, aucun cadeau d'un candidat ne "
                                                "doit être accepté.",
                        },
                    ],
                },
            },
            # ---------------------------------------------------------------
            {
                "slug": "evaluer-ameliorer-certifier",
                "title_fr": "Évaluer, améliorer, se faire certifier",
                "title_en": "Evaluating, improving, getting certified",
                "lessons": [
                    {
                        "slug": "surveillance-audit-revue",
                        "title_fr": "Surveillance, audit interne et revue de direction",
                        "title_en": "Monitoring, internal audit and management review",
                        "body": [
                            ("paragraph",
                             "<p>Un système anti-corruption qui n'est jamais vérifié se dégrade "
                             "vite : procédures contournées, registres abandonnés, formations "
                             "oubliées. Le chapitre 9 organise cette vérification à trois niveaux : la "
                             "<strong>surveillance</strong> continue, l'<strong>audit interne</strong> "
                             "et la <strong>revue de direction</strong>, complétés par la revue "
                             "conduite par la fonction conformité.</p>"),
                            ("heading", "Surveiller avec quelques indicateurs bien choisis"),
                            ("table", {
                                "caption": "Un tableau de bord trimestriel possible",
                                "header": ["Indicateur", "Pourquoi le suivre"],
                                "rows": [
                                    ["Nombre de signalements reçus et délai de traitement", "Mesure la confiance dans le dispositif"],
                                    ["Part des marchés avec un seul soumissionnaire", "Signal d'une concurrence insuffisante"],
                                    ["Écart entre recettes prévues et perçues par marché ou secteur", "Détecte les fuites de recettes"],
                                    ["Déclarations au registre des cadeaux", "Un registre vide est rarement un bon signe"],
                                    ["Taux de formation des agents exposés", "Vérifie l'atteinte des objectifs"],
                                ],
                            }),
                            ("heading", "L'audit interne : un regard indépendant"),
                            ("paragraph",
                             "<p>L'organisation doit conduire des audits internes à intervalles "
                             "planifiés pour vérifier que le système est conforme à ses propres "
                             "exigences et à la norme, et qu'il est réellement appliqué. Le programme "
                             "d'audit tient compte des risques : on audite plus souvent la commande "
                             "publique que la gestion des salles de réunion. Les auditeurs doivent "
                             "être <strong>objectifs et impartiaux</strong> : un agent n'audite pas "
                             "son propre service. Une petite commune peut faire appel à une commune "
                             "voisine, à l'intercommunalité ou à un prestataire.</p>"),
                            ("heading", "La revue de direction"),
                            ("paragraph",
                             "<p>Au moins une fois par an, la direction (maire, secrétaire général) "
                             "examine le système : résultats des audits, indicateurs, signalements et "
                             "enquêtes, évolution des risques, atteinte des objectifs, ressources. "
                             "Elle décide des améliorations et des moyens. L'organe de direction, par "
                             "exemple une commission du conseil municipal, en est informé et exerce sa "
                             "supervision.</p>"),
                            ("paragraph",
                             "<p>À ces trois niveaux s'ajoute la <strong>revue par la fonction "
                             "conformité</strong> : elle évalue en continu si le système est adapté "
                             "pour gérer les risques de corruption et s'il est mis en œuvre "
                             "efficacement. Elle en rend compte à intervalles planifiés, et chaque "
                             "fois que c'est nécessaire, à la direction et à l'organe de direction. "
                             "Ce rapport direct, sans filtre hiérarchique, est une garantie "
                             "essentielle de son indépendance.</p>"),
                            ("callout", {
                                "kind": "warning",
                                "title": "Une revue de direction n'est pas une réunion de routine",
                                "text": "<p>Une revue de direction réussie produit des <strong>décisions "
                                        "écrites</strong> : un budget, un responsable, une échéance. Si le "
                                        "compte rendu se limite à « le système fonctionne bien », elle a "
                                        "manqué son but.</p>",
                            }),
                            ("case_study", {
                                "title": "Le registre des cadeaux vide",
                                "context": "<p>Lors de l'audit interne d'une commune de la région de Dakar "
                                           "(exemple fictif), l'auditeur constate que le registre des cadeaux "
                                           "ne contient aucune déclaration en douze mois, alors que la "
                                           "commune a signé plus de quarante contrats et reçu de nombreuses "
                                           "délégations.</p>",
                                "question": "Quelles hypothèses l'auditeur doit-il examiner, et que doit-il recommander ?",
                                "discussion": "<p>Trois hypothèses : aucun cadeau n'a été offert (peu "
                                              "probable), les agents ne connaissent pas la règle, ou ils ne "
                                              "déclarent pas. L'auditeur interroge un échantillon d'agents, "
                                              "vérifie la communication de la politique et l'accessibilité du "
                                              "registre. Il peut constater une non-conformité et recommander "
                                              "une communication ciblée, un formulaire simplifié et un rappel "
                                              "périodique, avec un indicateur suivi en revue de direction.</p>",
                            }),
                            ("faq", [
                                {"question": "La fonction conformité peut-elle réaliser l'audit interne ?",
                                 "answer": "<p>Elle peut organiser le programme d'audit, mais elle ne doit pas "
                                           "auditer son propre travail : l'évaluation de la fonction conformité "
                                           "elle-même doit être confiée à quelqu'un d'autre.</p>"},
                            ]),
                        ],
                    },
                    {
                        "slug": "amelioration-et-certification",
                        "title_fr": "Corriger, améliorer et se préparer à la certification",
                        "title_en": "Correcting, improving and preparing for certification",
                        "body": [
                            ("paragraph",
                             "<p>Le chapitre 10 boucle le cycle. Quand un écart est constaté, il ne "
                             "suffit pas de le corriger : il faut en comprendre la <strong>cause</strong> "
                             "pour éviter qu'il se reproduise. C'est aussi à ce stade qu'une commune "
                             "peut décider de faire reconnaître son système par une "
                             "<strong>certification</strong>.</p>"),
                            ("heading", "Non-conformité, correction, action corrective"),
                            ("table", {
                                "caption": "Trois notions à ne pas confondre",
                                "header": ["Notion", "Définition simple", "Exemple"],
                                "rows": [
                                    ["Non-conformité", "Une exigence n'est pas respectée",
                                     "Un marché a été attribué sans déclaration de conflits d'intérêts des membres de la commission"],
                                    ["Correction", "On traite l'écart constaté",
                                     "Les déclarations manquantes sont recueillies et examinées"],
                                    ["Action corrective", "On supprime la cause pour éviter la répétition",
                                     "Le formulaire de déclaration est intégré au dossier de séance ; sans lui, la séance ne peut pas s'ouvrir"],
                                ],
                            }),
                            ("paragraph",
                             "<p>Pour trouver la cause, une technique simple consiste à demander "
                             "« pourquoi ? » plusieurs fois de suite. Pourquoi les déclarations "
                             "manquaient-elles ? Parce que le secrétariat ne les a pas demandées. "
                             "Pourquoi ? Parce que la procédure n'était pas dans la liste de contrôle "
                             "de la séance. La solution porte alors sur la liste de contrôle, et non "
                             "sur un simple rappel à l'ordre.</p>"),
                            ("heading", "L'amélioration continue"),
                            ("paragraph",
                             "<p>Au-delà des écarts, la norme demande d'améliorer en continu la "
                             "pertinence, l'adéquation et l'efficacité du système. Les sources "
                             "d'amélioration sont nombreuses : enseignements des enquêtes, questions "
                             "posées en formation, retours des entreprises et des habitants, pratiques "
                             "observées dans d'autres villes. Une commune peut, par exemple, passer "
                             "progressivement du paiement en espèces au paiement électronique pour "
                             "toutes ses redevances : chaque étape réduit le risque et se mesure.</p>"),
                            ("heading", "Le parcours de certification"),
                            ("paragraph",
                             "<p>La certification suit un parcours bien balisé :</p>"
                             "<ol><li><strong>Choisir un organisme de certification accrédité</strong> "
                             "pour ISO 37001 par un organisme national d'accréditation reconnu. "
                             "L'accréditation garantit la compétence et l'impartialité du "
                             "certificateur.</li>"
                             "<li><strong>Audit initial en deux étapes</strong> : examen de la "
                             "documentation et de l'état de préparation, puis vérification sur le "
                             "terrain de la mise en œuvre effective.</li>"
                             "<li><strong>Décision de certification</strong>, éventuellement après "
                             "traitement des non-conformités relevées.</li>"
                             "<li><strong>Audits de surveillance</strong>, en général annuels, pendant "
                             "la durée de validité du certificat, habituellement trois ans, puis "
                             "audit de renouvellement.</li></ol>"),
                            ("callout", {
                                "kind": "warning",
                                "title": "Méfiez-vous des certificats trop faciles",
                                "text": "<p>Un organisme non accrédité, ou un consultant qui propose à la fois "
                                        "de construire votre système et de le certifier, n'offre pas de "
                                        "garantie d'impartialité. Vérifiez l'accréditation auprès de "
                                        "l'organisme national d'accréditation et refusez tout mélange entre "
                                        "conseil et certification.</p>",
                            }),
                            ("quote", {
                                "text": "La certification n'a pas été la fin du projet. C'est l'audit de "
                                        "surveillance de la deuxième année qui nous a le plus appris : il a "
                                        "montré ce qui tenait vraiment quand plus personne ne regardait.",
                                "attribution": "Une responsable conformité d'une ville, Maroc (témoignage fictif)",
                            }),
                            ("faq", [
                                {"question": "Combien de temps faut-il pour être prêt ?",
                                 "answer": "<p>Pour une commune qui part de zéro, il faut souvent compter douze "
                                           "à dix-huit mois : cartographie, politique, procédures, formation, "
                                           "un premier cycle d'audit interne et une revue de direction avant "
                                           "l'audit de certification.</p>"},
                                {"question": "Peut-on certifier seulement une partie de la commune ?",
                                 "answer": "<p>Le périmètre est défini par l'organisation et doit être justifié. "
                                           "Commencer par quelques directions très exposées (commande "
                                           "publique, urbanisme, recettes) est possible, à condition de le dire "
                                           "clairement dans la communication.</p>"},
                            ]),
                        ],
                    },
                ],
                "quiz": {
                    "slug": "quiz-evaluer-ameliorer-certifier",
                    "title_fr": "Quiz : évaluer, améliorer, se faire certifier",
                    "title_en": "Quiz: evaluating, improving, getting certified",
                    "pass_mark": 70,
                    "questions": [
                        {
                            "type": "truefalse",
                            "text": "Le chef du service de la commande publique peut auditer lui-même son "
                                    "service dans le cadre de l'audit interne ISO 37001.",
                            "answer": False,
                            "feedback_true": "Non : les auditeurs doivent être objectifs et impartiaux ; on "
                                             "n'audite pas son propre travail.",
                            "feedback_false": "Exact : l'impartialité de l'audit suppose que l'auditeur soit "
                                              "indépendant de l'activité auditée.",
                            "general_feedback": "Une petite commune peut recourir à une commune voisine, à "
                                                "l'intercommunalité ou à un prestataire pour ses audits.",
                        },
                        {
                            "type": "shortanswer",
                            "text": "Comment appelle-t-on la mesure qui vise à éliminer la cause d'une "
                                    "non-conformité pour éviter qu'elle se reproduise ? (deux mots)",
                            "answers": [
                                {"text": "action corrective", "weight": 100,
                                 "feedback": "Oui : l'action corrective agit sur la cause, alors que la "
                                             "correction traite seulement l'écart constaté."},
                                {"text": "actions correctives", "weight": 100,
                                 "feedback": "Oui : les actions correctives."},
                                {"text": "correction", "weight": 0,
                                 "feedback": "Non : la correction traite l'écart, pas sa cause. On parle "
                                             "d'« action corrective »."},
                            ],
                            "general_feedback": "Correction = traiter le symptôme ; action corrective = supprimer la cause.",
                        },
                        {
                            "type": "single",
                            "text": "Qui délivre un certificat ISO 37001 digne de confiance ?",
                            "choices": [
                                {"text": "Un organisme de certification tiers accrédité", "correct": True,
                                 "feedback": "Oui : l'accréditation atteste sa compétence et son impartialité."},
                                {"text": "L'ISO elle-même, à Genève", "correct": False,
                                 "feedback": "Non : l'ISO élabore les normes mais ne certifie pas les organisations."},
                                {"text": "Le consultant qui a aidé la commune à construire son système", "correct": False,
                                 "feedback": "Non : il ne peut pas évaluer son propre travail ; conseil et "
                                             "certification doivent rester séparés."},
                            ],
                            "general_feedback": "Vérifiez toujours l'accréditation du certificateur auprès de "
                                                "l'organisme national d'accréditation.",
                        },
                        {
                            "type": "essay",
                            "text": "Votre maire souhaite annoncer que la ville est « certifiée zéro corruption » "
                                    "après l'obtention du certificat ISO 37001. Rédigez une courte note (10 à "
                                    "15 lignes) pour le conseiller sur le message à adopter.",
                            "general_feedback": "Une bonne note rappelle que la certification atteste des "
                                                "mesures raisonnables et proportionnées, pas l'absence de "
                                                "corruption ; propose un message factuel (périmètre certifié, "
                                                "engagements, dispositif de signalement ouvert aux habitants) ; "
                                                "et souligne l'intérêt de publier les résultats de suivi.",
                        },
                    ],
                },
            },
        ],
    },
    # =====================================================================
    # Course 3 - Finances locales : budget, fiscalité, transparence
    # =====================================================================
    {
        "slug": "finances-locales-budget-fiscalite-transparence",
        "title_fr": "Finances locales : budget, fiscalité, transparence",
        "title_en": "Local finance: budget, taxation, transparency",
        "summary_fr": (
            "Maîtriser le cycle budgétaire d'une commune, ses ressources et les "
            "outils de transparence qui renforcent la confiance des habitants et "
            "des partenaires financiers."
        ),
        "summary_en": (
            "Master a municipality's budget cycle, its revenue sources and the "
            "transparency tools that build the trust of residents and funders."
        ),
        "description_fr": (
            "Sans ressources, pas de services ; sans règles budgétaires, pas de "
            "confiance. Ce cours explique, avec des exemples concrets de communes "
            "d'Afrique, du Maghreb, d'Amérique du Nord et d'Asie, comment se "
            "prépare, se vote, s'exécute et se clôture un budget local. Il "
            "présente les grands principes budgétaires (annualité, unité, "
            "universalité, équilibre, spécialité) et la séparation entre "
            "l'ordonnateur, qui décide des dépenses et des recettes, et le "
            "comptable public, qui paie et encaisse. Il passe ensuite en revue "
            "les ressources d'une collectivité : fiscalité et redevances locales, "
            "transferts de l'État, emprunt réservé à l'investissement. Il se "
            "termine par la transparence (publication des budgets et des comptes, "
            "données ouvertes), le budget participatif né à Porto Alegre en 1989 "
            "et les financements innovants : obligations municipales, fonds de "
            "garantie, banques de développement et finance climat."
        ),
        "level": "intermediaire",
        "language": "fr",
        "topics": [
            "axe-decentralisation-gouvernance",
            "finances-locales",
        ],
        "outcomes_fr": [
            "Décrire les étapes du cycle budgétaire, du débat d'orientation au "
            "compte administratif et au compte de gestion.",
            "Appliquer les principes d'annualité, d'unité, d'universalité, "
            "d'équilibre et de spécialité à des cas concrets.",
            "Expliquer la séparation entre ordonnateur et comptable public et "
            "ses conséquences pour les services.",
            "Distinguer les ressources propres, les transferts et l'emprunt, et "
            "les sections de fonctionnement et d'investissement.",
            "Proposer des mesures de transparence et un dispositif de budget "
            "participatif adaptés à sa commune.",
            "Identifier les conditions d'accès aux financements innovants "
            "(obligations, fonds de garantie, finance climat).",
        ],
        "prerequisites_fr": (
            "Aucune formation comptable n'est nécessaire ; une familiarité avec "
            "le budget de sa propre collectivité facilite les exercices."
        ),
        "trainer": {
            "name": "Marie-Claude Essomba",
            "bio_fr": (
                "Économiste de formation, Marie-Claude Essomba a travaillé à "
                "Yaoundé puis à Montréal sur le financement des collectivités "
                "locales. Elle a conseillé des directions financières "
                "municipales sur la préparation budgétaire, la fiscalité "
                "foncière et la relation avec les bailleurs. (Formatrice "
                "fictive, pour la démonstration.)"
            ),
        },
        "cover": {"title": "Finances locales", "color": "#0f6b5c"},
        "modules": [
            # ---------------------------------------------------------------
            {
                "slug": "le-budget-communal",
                "title_fr": "Le budget communal",
                "title_en": "The municipal budget",
                "lessons": [
                    {
                        "slug": "cycle-budgetaire",
                        "title_fr": "Le cycle budgétaire, de l'orientation à la clôture",
                        "title_en": "The budget cycle, from orientation to closing",
                        "body": [
                            ("paragraph",
                             "<p>Le budget d'une commune n'est pas un document que l'on produit une "
                             "fois par an : c'est un <strong>cycle</strong> qui occupe les services "
                             "toute l'année. Chaque étape a ses acteurs, son calendrier et ses "
                             "documents. Les noms varient selon les pays, mais la logique est "
                             "partout la même : on prévoit, on autorise, on exécute, puis on rend "
                             "compte.</p>"),
                            ("heading", "Les quatre grandes étapes"),
                            ("table", {
                                "caption": "Le cycle budgétaire d'une commune",
                                "header": ["Étape", "Qui ?", "Ce qui se passe", "Document clé"],
                                "rows": [
                                    ["1. Préparation", "Maire, direction financière, services",
                                     "Lettre de cadrage, recensement des besoins, estimation des recettes, débat d'orientation au conseil",
                                     "Rapport d'orientation budgétaire"],
                                    ["2. Vote", "Conseil municipal",
                                     "Examen en commission, débat public, vote par chapitre ou par article",
                                     "Budget primitif"],
                                    ["3. Exécution", "Ordonnateur et comptable public",
                                     "Engagement, liquidation, ordonnancement, paiement ; émission et recouvrement des titres de recettes ; ajustements",
                                     "Budget supplémentaire, décisions modificatives"],
                                    ["4. Clôture", "Ordonnateur, comptable, conseil",
                                     "Arrêté des comptes, comparaison des deux comptes, vote du conseil",
                                     "Compte administratif et compte de gestion"],
                                ],
                            }),
                            ("heading", "Le débat d'orientation : fixer le cap avant les chiffres"),
                            ("paragraph",
                             "<p>Avant de voter le budget, le conseil débat des grandes orientations : "
                             "évolution des recettes, niveau d'endettement, priorités "
                             "d'investissement. En France, ce débat est obligatoire dans les communes "
                             "de 3 500 habitants et plus, dans les deux mois précédant l'examen du "
                             "budget. Même là où la loi ne l'impose pas, c'est une excellente "
                             "pratique : les élus discutent des choix avant d'être face à un "
                             "document de cent pages.</p>"),
                            ("heading", "L'exécution : quatre verbes à connaître"),
                            ("paragraph",
                             "<p>Pour une dépense, la chaîne est la suivante :</p>"
                             "<ol><li><strong>Engager</strong> : la commune crée l'obligation (bon "
                             "de commande, contrat signé) ;</li>"
                             "<li><strong>Liquider</strong> : elle vérifie le service fait et arrête "
                             "le montant exact dû ;</li>"
                             "<li><strong>Ordonnancer</strong> (ou mandater) : l'ordonnateur donne "
                             "l'ordre de payer ;</li>"
                             "<li><strong>Payer</strong> : le comptable public contrôle puis règle le "
                             "créancier.</li></ol>"
                             "<p>Les trois premières étapes relèvent de l'ordonnateur, la dernière du "
                             "comptable. Pour une recette, l'ordonnateur émet un titre et le "
                             "comptable le recouvre.</p>"),
                            ("heading", "La clôture : deux comptes qui doivent concorder"),
                            ("paragraph",
                             "<p>En fin d'exercice, l'ordonnateur établit le <strong>compte "
                             "administratif</strong>, qui retrace l'exécution du budget, et le "
                             "comptable public le <strong>compte de gestion</strong>, qui retrace ses "
                             "encaissements et ses paiements. Les deux doivent concorder. Le conseil "
                             "municipal examine et vote le compte administratif : c'est le moment où "
                             "l'on mesure l'écart entre ce qui était promis et ce qui a été fait. En "
                             "France, ces deux documents sont progressivement remplacés par un "
                             "compte financier unique.</p>"),
                            ("callout", {
                                "kind": "warning",
                                "title": "Un taux d'exécution faible n'est pas une économie",
                                "text": "<p>Si une commune ne réalise que 40 % des investissements votés, ce "
                                        "n'est pas de la bonne gestion : ce sont des écoles, des routes ou "
                                        "des latrines qui n'existent pas. Suivez le <strong>taux "
                                        "d'exécution</strong> de la section d'investissement chaque "
                                        "trimestre, et cherchez les causes des retards (études, marchés, "
                                        "versements tardifs des transferts).</p>",
                            }),
                            ("image", {
                                "title": "Prévoir · Voter · Exécuter · Rendre compte",
                                "alt": "Frise circulaire en quatre étapes : préparation, vote, exécution, clôture, avec un calendrier annuel",
                                "caption": "Le cycle budgétaire se répète chaque année et les étapes se chevauchent.",
                                "color": "#0f6b5c",
                            }),
                            ("faq", [
                                {"question": "Que se passe-t-il si le budget n'est pas voté à temps ?",
                                 "answer": "<p>Les règles varient selon les pays, mais en général la commune "
                                           "peut seulement payer les dépenses courantes dans la limite des "
                                           "crédits de l'année précédente, et le représentant de l'État peut "
                                           "finir par régler le budget lui-même. Les nouveaux projets, eux, "
                                           "attendent : un retard de vote se paie en chantiers retardés.</p>"},
                                {"question": "Peut-on modifier le budget en cours d'année ?",
                                 "answer": "<p>Oui, par un budget supplémentaire ou des décisions modificatives "
                                           "votées par le conseil, par exemple pour intégrer une subvention "
                                           "nouvelle ou le résultat de l'année précédente.</p>"},
                            ]),
                        ],
                    },
                    {
                        "slug": "principes-budgetaires",
                        "title_fr": "Les cinq grands principes budgétaires",
                        "title_en": "The five main budget principles",
                        "body": [
                            ("paragraph",
                             "<p>Les règles budgétaires peuvent sembler formelles. Elles ont pourtant "
                             "une raison d'être très concrète : permettre au conseil municipal, et à "
                             "travers lui aux habitants, de <strong>savoir et de contrôler</strong> "
                             "ce que la commune fait de l'argent public. Cinq principes, hérités des "
                             "finances publiques classiques, se retrouvent dans la plupart des pays "
                             "francophones.</p>"),
                            ("table", {
                                "caption": "Les principes et leur raison d'être",
                                "header": ["Principe", "Ce qu'il signifie", "Pourquoi c'est utile"],
                                "rows": [
                                    ["Annualité", "Le budget est voté pour un an, et l'autorisation vaut pour cette année",
                                     "Le conseil se prononce régulièrement sur les choix"],
                                    ["Unité", "Toutes les recettes et dépenses figurent dans un document unique (avec ses annexes)",
                                     "Une vue d'ensemble, sans caisses parallèles"],
                                    ["Universalité", "Recettes et dépenses sont inscrites pour leur montant brut, sans compensation, et les recettes ne sont pas, en principe, affectées à une dépense précise",
                                     "Rien n'est caché par une compensation ; le conseil arbitre librement"],
                                    ["Équilibre", "Les recettes couvrent les dépenses, section par section, avec des estimations sincères",
                                     "On ne finance pas le quotidien à crédit"],
                                    ["Spécialité", "Les crédits sont votés pour un objet précis (chapitre ou article)",
                                     "L'argent voté pour les écoles ne part pas ailleurs sans décision"],
                                ],
                            }),
                            ("heading", "Les principes dans la vie quotidienne"),
                            ("paragraph",
                             "<p>Quelques situations courantes montrent à quoi servent ces "
                             "principes :</p>"
                             "<ul><li>Un service encaisse des droits de stationnement et les utilise "
                             "directement pour acheter du carburant : c'est contraire à "
                             "l'<strong>universalité</strong> et à l'<strong>unité</strong>, car "
                             "recettes et dépenses échappent au budget.</li>"
                             "<li>Le chef de la voirie veut utiliser des crédits d'éclairage pour "
                             "réparer un pont : la <strong>spécialité</strong> impose une décision "
                             "modificative votée, ou un virement de crédits dans les limites "
                             "autorisées.</li>"
                             "<li>Une commune gonfle ses prévisions de recettes pour afficher un "
                             "budget équilibré : l'<strong>équilibre</strong> n'est que de façade, "
                             "car les estimations ne sont pas sincères.</li></ul>"),
                            ("callout", {
                                "kind": "key_point",
                                "title": "Les exceptions existent, mais elles sont encadrées",
                                "text": "<p>Chaque principe connaît des aménagements : autorisations de "
                                        "programme sur plusieurs années pour les grands chantiers, budgets "
                                        "annexes pour un service comme l'eau, recettes affectées lorsqu'un "
                                        "bailleur finance un projet précis. Ces exceptions sont prévues par "
                                        "les textes ; elles ne s'improvisent pas.</p>",
                            }),
                            ("case_study", {
                                "title": "Le budget équilibré… sur le papier",
                                "context": "<p>Une commune prévoit 500 millions de francs CFA de recettes de "
                                           "taxe foncière, alors qu'elle en a encaissé 210 millions l'année "
                                           "précédente et qu'aucune réforme du recensement fiscal n'est "
                                           "prévue. Grâce à cette prévision, le budget est voté en "
                                           "équilibre, avec un important programme de travaux.</p>",
                                "question": "Quels risques cette prévision fait-elle courir, et que devrait proposer la direction financière ?",
                                "discussion": "<p>La prévision n'est pas sincère : en cours d'année, les recettes "
                                              "manqueront, des marchés seront signés sans financement et des "
                                              "fournisseurs resteront impayés, ce qui renchérira les prix "
                                              "futurs. La direction financière devrait proposer une prévision "
                                              "prudente, fondée sur les encaissements réels et leur tendance, "
                                              "et un programme de travaux hiérarchisé : une tranche ferme "
                                              "financée et une tranche conditionnelle, lancée seulement si "
                                              "les recettes suivent.</p>",
                            }),
                            ("faq", [
                                {"question": "Pourquoi ne pas affecter les recettes du marché à l'entretien du marché ?",
                                 "answer": "<p>L'affectation rigidifie le budget : si le marché rapporte "
                                           "beaucoup, l'argent ne peut pas aller à une priorité plus urgente. "
                                           "Rien n'empêche en revanche le conseil de décider, chaque année, "
                                           "d'inscrire un montant équivalent pour l'entretien du marché, ce "
                                           "qui est souvent apprécié des commerçants.</p>"},
                            ]),
                        ],
                    },
                    {
                        "slug": "ordonnateur-et-comptable",
                        "title_fr": "Ordonnateur et comptable public : deux rôles séparés",
                        "title_en": "Authorising officer and public accountant: two separate roles",
                        "body": [
                            ("paragraph",
                             "<p>Dans la tradition des finances publiques francophones, la personne "
                             "qui décide d'une dépense n'est pas celle qui la paie. Le <strong>maire, "
                             "ordonnateur</strong>, engage les dépenses, constate les droits de la "
                             "commune et donne les ordres de payer et d'encaisser. Le "
                             "<strong>comptable public</strong>, souvent appelé receveur municipal et "
                             "le plus souvent agent du Trésor ou du ministère des Finances, manie "
                             "les fonds : il paie les dépenses et recouvre les recettes.</p>"),
                            ("heading", "Pourquoi cette séparation ?"),
                            ("paragraph",
                             "<p>La séparation des fonctions est un <strong>contrôle "
                             "réciproque</strong>. L'ordonnateur ne peut pas manier l'argent ; le "
                             "comptable ne peut pas décider de la dépense. Pour détourner des fonds, "
                             "il faudrait donc la complicité des deux. C'est aussi une protection "
                             "pour le maire : si une dépense irrégulière est bloquée par le comptable, "
                             "la commune évite un contentieux ou une perte.</p>"),
                            ("table", {
                                "caption": "Qui fait quoi ?",
                                "header": ["Tâche", "Ordonnateur (maire et services)", "Comptable public"],
                                "rows": [
                                    ["Signer un bon de commande ou un contrat", "Oui", "Non"],
                                    ["Constater le service fait et liquider", "Oui", "Non"],
                                    ["Émettre un mandat de paiement ou un titre de recette", "Oui", "Non"],
                                    ["Contrôler la régularité du mandat", "Non", "Oui"],
                                    ["Payer le fournisseur et recouvrer les recettes", "Non", "Oui"],
                                    ["Tenir la comptabilité des encaissements et des paiements", "Comptabilité administrative", "Comptabilité générale"],
                                ],
                            }),
                            ("heading", "Ce que contrôle le comptable, et ce qu'il ne contrôle pas"),
                            ("paragraph",
                             "<p>Avant de payer, le comptable vérifie notamment : la qualité de "
                             "l'ordonnateur ou de son délégué, la disponibilité des crédits, la "
                             "bonne imputation budgétaire, la présence des pièces justificatives "
                             "(facture, attestation de service fait, contrat) et l'exactitude des "
                             "calculs. En revanche, il ne juge pas l'<strong>opportunité</strong> de "
                             "la dépense : acheter dix bancs ou vingt pour le jardin public est un "
                             "choix de l'ordonnateur.</p>"),
                            ("callout", {
                                "kind": "example",
                                "title": "Les régies : encaisser au plus près des usagers",
                                "text": "<p>Le comptable ne peut pas être présent dans chaque marché ou à "
                                        "chaque guichet d'état civil. On crée alors des <strong>régies de "
                                        "recettes</strong> : un régisseur, nommé par l'ordonnateur avec "
                                        "l'accord du comptable, encaisse pour le compte de ce dernier et lui "
                                        "reverse régulièrement les fonds. À Yaoundé comme à Tunis, les "
                                        "droits de place, les frais d'état civil ou les droits de "
                                        "stationnement passent souvent par des régies, à contrôler de près.</p>",
                            }),
                            ("case_study", {
                                "title": "Le mandat rejeté",
                                "context": "<p>Le service technique d'une commune transmet au receveur "
                                           "municipal un mandat de paiement pour la réparation d'une pompe. "
                                           "La facture est jointe, mais pas l'attestation de service fait. "
                                           "L'entreprise, impatiente, appelle le maire, qui s'agace du « blocage "
                                           "administratif » du comptable.</p>",
                                "question": "Le comptable a-t-il raison de suspendre le paiement ? Comment éviter la situation ?",
                                "discussion": "<p>Oui : sans attestation de service fait, rien ne prouve que la "
                                              "pompe a été réparée ; payer exposerait la commune à payer un "
                                              "travail non réalisé. Le service doit compléter le dossier. Pour "
                                              "l'avenir, une liste des pièces justificatives par type de "
                                              "dépense, partagée entre les services et le receveur, évite la "
                                              "plupart des rejets et accélère les paiements aux "
                                              "fournisseurs.</p>",
                            }),
                            ("faq", [
                                {"question": "Que se passe-t-il si le comptable refuse de payer ?",
                                 "answer": "<p>Il suspend le paiement et en explique le motif par écrit. "
                                           "L'ordonnateur peut compléter le dossier. Dans certains systèmes, "
                                           "il peut aussi donner un ordre écrit de payer (réquisition), qui "
                                           "transfère la responsabilité à l'ordonnateur, sauf dans les cas "
                                           "où la loi interdit cette réquisition, par exemple en l'absence de "
                                           "crédits.</p>"},
                                {"question": "Ce modèle existe-t-il partout ?",
                                 "answer": "<p>Non. Au Québec, par exemple, la tradition est différente : le "
                                           "trésorier est un fonctionnaire municipal et le contrôle repose "
                                           "sur l'audit externe et, dans les grandes villes, sur un "
                                           "vérificateur général. Le principe de séparation des tâches reste "
                                           "cependant une règle de base du contrôle interne.</p>"},
                            ]),
                        ],
                    },
                ],
                "quiz": {
                    "slug": "quiz-le-budget-communal",
                    "title_fr": "Quiz : le budget communal",
                    "title_en": "Quiz: the municipal budget",
                    "pass_mark": 60,
                    "questions": [
                        {
                            "type": "matching",
                            "text": "Associez chaque principe budgétaire à la situation qui le méconnaît.",
                            "pairs": [
                                {"left": "Spécialité", "right": "Des crédits votés pour l'éclairage public servent à réparer un pont sans décision du conseil"},
                                {"left": "Universalité", "right": "Les droits de stationnement sont dépensés directement par le service, sans passer par le budget"},
                                {"left": "Équilibre", "right": "Les recettes fiscales sont gonflées pour afficher un budget en équilibre"},
                                {"left": "Annualité", "right": "Le budget est voté une fois pour trois ans, sans nouveau vote"},
                            ],
                            "distractors": ["Une délibération est transmise au représentant de l'État"],
                            "general_feedback": "Chaque principe protège le pouvoir de décision du conseil et "
                                                "l'information des habitants.",
                        },
                        {
                            "type": "shortanswer",
                            "text": "Comment appelle-t-on l'autorité, en général le maire, qui engage les "
                                    "dépenses et donne l'ordre de les payer ? (un mot)",
                            "answers": [
                                {"text": "ordonnateur", "weight": 100,
                                 "feedback": "Oui : l'ordonnateur décide ; le comptable public paie et encaisse."},
                                {"text": "comptable", "weight": 0,
                                 "feedback": "Non : le comptable public paie et encaisse, mais il ne décide "
                                             "pas de la dépense. La réponse attendue est « ordonnateur »."},
                            ],
                            "general_feedback": "La séparation ordonnateur / comptable est un contrôle réciproque.",
                        },
                        {
                            "type": "truefalse",
                            "text": "Le comptable public peut refuser de payer une dépense parce qu'il la juge "
                                    "inutile pour la commune.",
                            "answer": False,
                            "feedback_true": "Non : le comptable contrôle la régularité (crédits, pièces, "
                                             "imputation), pas l'opportunité de la dépense.",
                            "feedback_false": "Exact : l'opportunité relève de l'ordonnateur et du conseil ; le "
                                              "comptable contrôle la régularité.",
                            "general_feedback": "Le comptable peut suspendre un paiement irrégulier, par exemple "
                                                "en l'absence d'attestation de service fait.",
                        },
                        {
                            "type": "single",
                            "text": "Quel document l'ordonnateur présente-t-il au conseil municipal pour rendre "
                                    "compte de l'exécution du budget de l'année écoulée ?",
                            "choices": [
                                {"text": "Le compte administratif", "correct": True,
                                 "feedback": "Oui : il est établi par l'ordonnateur et doit concorder avec le "
                                             "compte de gestion du comptable."},
                                {"text": "Le compte de gestion", "correct": False,
                                 "feedback": "Non : le compte de gestion est établi par le comptable public."},
                                {"text": "Le budget primitif", "correct": False,
                                 "feedback": "Non : le budget primitif est une prévision votée en début de cycle."},
                                {"text": "Le rapport d'orientation budgétaire", "correct": False,
                                 "feedback": "Non : il prépare le budget, il ne rend pas compte de son exécution."},
                            ],
                            "general_feedback": "Clôture : compte administratif (ordonnateur) et compte de gestion "
                                                "(comptable) doivent concorder.",
                        },
                    ],
                },
            },
            # ---------------------------------------------------------------
            {
                "slug": "ressources-locales",
                "title_fr": "Les ressources de la commune",
                "title_en": "Municipal revenue",
                "lessons": [
                    {
                        "slug": "ressources-propres-fiscalite-redevances",
                        "title_fr": "Ressources propres : fiscalité locale et redevances",
                        "title_en": "Own-source revenue: local taxes and fees",
                        "body": [
                            ("paragraph",
                             "<p>Les <strong>ressources propres</strong> sont celles que la commune "
                             "mobilise elle-même sur son territoire. Elles sont le socle de "
                             "l'autonomie financière : contrairement aux transferts de l'État, elles "
                             "ne dépendent pas d'une décision prise dans la capitale. Dans beaucoup de "
                             "villes d'Afrique et d'Asie, elles restent pourtant très en dessous de "
                             "leur potentiel, faute de recensement des contribuables, d'outils de "
                             "recouvrement ou de confiance des habitants.</p>"),
                            ("table", {
                                "caption": "Les principales ressources propres d'une commune",
                                "header": ["Catégorie", "Exemples", "Point d'attention"],
                                "rows": [
                                    ["Impôts fonciers", "Taxe foncière sur les propriétés bâties et non bâties",
                                     "Dépend d'un cadastre ou d'un fichier fiscal à jour"],
                                    ["Impôts sur l'activité", "Patente ou contribution économique des entreprises, licences",
                                     "Recensement régulier des activités, y compris informelles"],
                                    ["Droits et taxes d'occupation", "Droits de place au marché, stationnement, occupation du domaine public",
                                     "Encaissements souvent en espèces : risque de fuite"],
                                    ["Redevances de services", "Enlèvement des ordures, abattoir, gare routière",
                                     "Le tarif doit rester lié au coût du service"],
                                    ["Produits du domaine", "Loyers de boutiques et de logements municipaux, concessions",
                                     "Baux à jour et loyers révisés"],
                                    ["Frais administratifs", "Actes d'état civil, légalisations, permis",
                                     "Tarifs affichés, quittance systématique"],
                                ],
                            }),
                            ("heading", "Impôt, taxe ou redevance ?"),
                            ("paragraph",
                             "<p>Un <strong>impôt</strong> est dû sans contrepartie directe : la taxe "
                             "foncière finance l'ensemble des services de la commune. Une "
                             "<strong>redevance</strong> est la contrepartie d'un service rendu à "
                             "l'usager, et son montant doit rester proportionné au coût de ce "
                             "service. La distinction compte : la commune ne peut créer que les "
                             "impôts prévus par la loi, souvent dans des fourchettes de taux, alors "
                             "qu'elle dispose généralement d'une marge plus large pour fixer ses "
                             "redevances.</p>"),
                            ("heading", "Cinq leviers pour mieux mobiliser les ressources propres"),
                            ("paragraph",
                             "<p>Les villes qui progressent combinent en général plusieurs leviers :</p>"
                             "<ol><li><strong>Connaître l'assiette</strong> : adressage des rues, "
                             "recensement des parcelles et des activités, parfois à l'aide d'images "
                             "satellites ou de relevés sur tablette.</li>"
                             "<li><strong>Simplifier le paiement</strong> : paiement mobile, guichet "
                             "unique, échéanciers.</li>"
                             "<li><strong>Coopérer avec l'État</strong> : dans beaucoup de pays, les "
                             "services fiscaux de l'État calculent et recouvrent les impôts locaux ; "
                             "un comité conjoint de suivi permet de fixer des objectifs "
                             "communs.</li>"
                             "<li><strong>Sécuriser les encaissements</strong> : quittances "
                             "numérotées, rapprochements quotidiens, rotation des collecteurs.</li>"
                             "<li><strong>Montrer l'usage de l'argent</strong> : les habitants paient "
                             "plus volontiers quand ils voient les résultats.</li></ol>"),
                            ("callout", {
                                "kind": "example",
                                "title": "Relier l'impôt à un résultat visible",
                                "text": "<p>Une commune de la périphérie de Dakar (exemple fictif) a lancé une "
                                        "campagne de recensement fiscal quartier par quartier, en annonçant "
                                        "à l'avance que 20 % des recettes supplémentaires de chaque quartier "
                                        "financeraient des travaux choisis par ses habitants : pavage d'une "
                                        "ruelle, éclairage, caniveaux. Le nombre de contribuables recensés a "
                                        "nettement augmenté, et les travaux réalisés ont servi d'argument "
                                        "pour la campagne suivante.</p>",
                            }),
                            ("quote", {
                                "text": "Les commerçants ne refusaient pas de payer. Ils refusaient de payer "
                                        "pour un marché sans toilettes et sans éclairage. Quand nous avons "
                                        "affiché ce que rapportaient les droits de place et ce qu'on en "
                                        "faisait, le climat a changé.",
                                "attribution": "Un chef du service des recettes, Cameroun (témoignage fictif)",
                            }),
                            ("callout", {
                                "kind": "warning",
                                "title": "Attention à l'équité",
                                "text": "<p>Une fiscalité locale qui pèse surtout sur les petits commerçants "
                                        "du marché, pendant que les grandes propriétés échappent à la taxe "
                                        "foncière, est injuste et fragilise le consentement à l'impôt. "
                                        "Commencez le recensement par les biens et les activités à plus "
                                        "forte valeur.</p>",
                            }),
                        ],
                    },
                    {
                        "slug": "transferts-emprunt-sections",
                        "title_fr": "Transferts de l'État, emprunt et sections du budget",
                        "title_en": "State transfers, borrowing and budget sections",
                        "body": [
                            ("paragraph",
                             "<p>À côté des ressources propres, la plupart des communes dépendent de "
                             "<strong>transferts de l'État</strong> et, pour leurs équipements, de "
                             "l'<strong>emprunt</strong>. Pour comprendre comment ces ressources "
                             "s'articulent, il faut d'abord connaître la grande division du budget "
                             "local en deux sections.</p>"),
                            ("heading", "Fonctionnement et investissement"),
                            ("table", {
                                "caption": "Les deux sections du budget",
                                "header": ["", "Section de fonctionnement", "Section d'investissement"],
                                "rows": [
                                    ["Dépenses", "Salaires, carburant, entretien courant, électricité, intérêts de la dette",
                                     "Construction et grosses réparations d'équipements, achat de terrains et de véhicules, remboursement du capital de la dette"],
                                    ["Recettes", "Impôts et taxes, redevances, dotations de fonctionnement",
                                     "Subventions d'équipement, emprunts, autofinancement venu du fonctionnement, cessions"],
                                    ["Question clé", "Le quotidien est-il couvert par des recettes régulières ?",
                                     "Les équipements sont-ils financés durablement ?"],
                                ],
                            }),
                            ("paragraph",
                             "<p>L'indicateur le plus utile est l'<strong>épargne brute</strong> : "
                             "recettes réelles de fonctionnement moins dépenses réelles de "
                             "fonctionnement. C'est ce qui reste pour investir et rembourser la dette. "
                             "Une fois le remboursement du capital déduit, on obtient l'"
                             "<strong>épargne nette</strong>, qui finance directement les "
                             "équipements.</p>"),
                            ("heading", "Les transferts de l'État"),
                            ("paragraph",
                             "<p>Les transferts prennent des formes diverses : dotations globales de "
                             "fonctionnement, fonds d'équipement, subventions affectées à un projet, "
                             "quote-part d'impôts nationaux. Au Sénégal, le Fonds de dotation de la "
                             "décentralisation et le Fonds d'équipement des collectivités locales en "
                             "sont des exemples ; au Cameroun, le FEICOM accompagne les communes par "
                             "des financements et des prêts. Un bon système de transferts est "
                             "<strong>prévisible</strong> (montants connus avant le vote du budget), "
                             "<strong>transparent</strong> (critères publiés) et "
                             "<strong>péréquateur</strong> (il aide davantage les communes "
                             "pauvres).</p>"),
                            ("heading", "L'emprunt, réservé à l'investissement"),
                            ("paragraph",
                             "<p>Une règle d'or s'applique dans la plupart des systèmes : "
                             "<strong>on n'emprunte que pour investir</strong>. Emprunter pour payer "
                             "des salaires reviendrait à faire payer le fonctionnement d'aujourd'hui "
                             "par les contribuables de demain, sans équipement en contrepartie. "
                             "L'emprunt est souvent soumis à l'autorisation de l'État et se fait "
                             "auprès de banques, d'institutions spécialisées comme la Caisse des prêts "
                             "et de soutien des collectivités locales en Tunisie, ou de banques de "
                             "développement.</p>"),
                            ("callout", {
                                "kind": "key_point",
                                "title": "Un calcul à savoir faire",
                                "text": "<p>La <strong>capacité de désendettement</strong> rapporte l'encours "
                                        "de la dette à l'épargne brute : elle indique combien d'années il "
                                        "faudrait pour rembourser toute la dette en y consacrant toute "
                                        "l'épargne. Exemple : une dette de 900 millions et une épargne brute "
                                        "de 200 millions donnent 4,5 années. Au-delà de 10 à 12 années, la "
                                        "situation est généralement jugée préoccupante.</p>",
                            }),
                            ("case_study", {
                                "title": "Financer un nouveau marché couvert",
                                "context": "<p>Une ville de 150 000 habitants veut construire un marché "
                                           "couvert de 2 milliards. Ses recettes réelles de fonctionnement "
                                           "sont de 3 milliards, ses dépenses réelles de fonctionnement de "
                                           "2,7 milliards, et elle n'a pas de dette. L'État propose une "
                                           "subvention de 30 %.</p>",
                                "question": "Comment construire un plan de financement réaliste ?",
                                "discussion": "<p>L'épargne brute est de 300 millions par an. Avec 600 millions "
                                              "de subvention, il reste 1,4 milliard à financer : par exemple "
                                              "400 millions d'autofinancement sur deux ans et 1 milliard "
                                              "d'emprunt. Les annuités doivent rester compatibles avec "
                                              "l'épargne, en comptant aussi les nouvelles recettes du marché "
                                              "(loyers des étals) et ses nouvelles charges (gardiennage, "
                                              "entretien). Un plan qui ignore les coûts de fonctionnement "
                                              "futurs de l'équipement est incomplet.</p>",
                            }),
                        ],
                    },
                ],
                "quiz": {
                    "slug": "quiz-ressources-locales",
                    "title_fr": "Quiz : les ressources de la commune",
                    "title_en": "Quiz: municipal revenue",
                    "pass_mark": 60,
                    "questions": [
                        {
                            "type": "numerical",
                            "text": "Une commune a 1 200 millions de recettes réelles de fonctionnement et "
                                    "1 000 millions de dépenses réelles de fonctionnement. Elle rembourse 80 "
                                    "millions de capital de dette par an. Quelle est son épargne nette, en "
                                    "millions ?",
                            "answers": [
                                {"value": 120, "tolerance": 0, "weight": 100,
                                 "feedback": "Exact : épargne brute = 1 200 − 1 000 = 200 ; épargne nette = "
                                             "200 − 80 = 120 millions."},
                                {"value": 200, "tolerance": 0, "weight": 0,
                                 "feedback": "200 est l'épargne brute. Il faut encore déduire le "
                                             "remboursement du capital : 200 − 80 = 120."},
                            ],
                            "general_feedback": "L'épargne nette est ce qui reste, après remboursement de la "
                                                "dette, pour financer les équipements.",
                        },
                        {
                            "type": "multiple",
                            "text": "Lesquelles de ces recettes sont des ressources propres de la commune ? "
                                    "(plusieurs réponses)",
                            "choices": [
                                {"text": "La taxe foncière", "weight": 25,
                                 "feedback": "Oui : c'est un impôt local assis sur les propriétés du territoire."},
                                {"text": "Les droits de place au marché", "weight": 25,
                                 "feedback": "Oui : ils sont perçus par la commune sur son domaine."},
                                {"text": "La redevance d'enlèvement des ordures", "weight": 25,
                                 "feedback": "Oui : c'est la contrepartie d'un service rendu par la commune."},
                                {"text": "Les loyers des boutiques municipales", "weight": 25,
                                 "feedback": "Oui : ce sont des produits du domaine communal."},
                                {"text": "La dotation globale versée par l'État", "weight": -50,
                                 "feedback": "Non : c'est un transfert ; il dépend d'une décision de l'État."},
                                {"text": "Un emprunt auprès d'une banque de développement", "weight": -50,
                                 "feedback": "Non : l'emprunt est une ressource d'investissement qu'il faudra "
                                             "rembourser, pas une ressource propre."},
                            ],
                            "general_feedback": "Les ressources propres sont le socle de l'autonomie financière.",
                        },
                        {
                            "type": "truefalse",
                            "text": "Une commune en difficulté peut emprunter pour payer les salaires de ses "
                                    "agents, à condition de rembourser l'année suivante.",
                            "answer": False,
                            "feedback_true": "Non : la règle d'or réserve l'emprunt à l'investissement. "
                                             "Emprunter pour le fonctionnement reporte la charge sur l'avenir "
                                             "sans équipement en contrepartie.",
                            "feedback_false": "Exact : l'emprunt est réservé à l'investissement. Pour un "
                                              "décalage de trésorerie, d'autres outils existent, strictement "
                                              "encadrés.",
                            "general_feedback": "Règle d'or : on n'emprunte que pour investir.",
                        },
                        {
                            "type": "single",
                            "text": "Dans quelle section du budget inscrit-on la construction d'un nouveau "
                                    "centre de santé ?",
                            "choices": [
                                {"text": "La section d'investissement", "correct": True,
                                 "feedback": "Oui : c'est un équipement durable qui enrichit le patrimoine de la commune."},
                                {"text": "La section de fonctionnement", "correct": False,
                                 "feedback": "Non : le fonctionnement couvre les dépenses courantes, comme "
                                             "l'électricité ou l'entretien du centre une fois construit."},
                            ],
                            "general_feedback": "Pensez aussi aux dépenses de fonctionnement que créera "
                                                "l'équipement : personnel, entretien, énergie.",
                        },
                    ],
                },
            },
            # ---------------------------------------------------------------
            {
                "slug": "transparence-participation-financements",
                "title_fr": "Transparence, participation et financements innovants",
                "title_en": "Transparency, participation and innovative financing",
                "lessons": [
                    {
                        "slug": "publier-et-ouvrir-les-donnees-budgetaires",
                        "title_fr": "Publier le budget et ouvrir les données financières",
                        "title_en": "Publishing the budget and opening financial data",
                        "body": [
                            ("paragraph",
                             "<p>Un budget voté mais introuvable ne sert pas la démocratie locale. La "
                             "<strong>transparence budgétaire</strong> consiste à rendre "
                             "accessibles, compréhensibles et réutilisables les informations sur les "
                             "recettes et les dépenses de la commune. Elle répond à une obligation "
                             "légale dans de nombreux pays, mais c'est aussi un outil de gestion : "
                             "elle renforce la confiance des contribuables et des bailleurs, et "
                             "rend plus difficiles les détournements.</p>"),
                            ("heading", "Quoi publier, et quand ?"),
                            ("table", {
                                "caption": "Un calendrier de publication minimal",
                                "header": ["Document", "Moment", "Format conseillé"],
                                "rows": [
                                    ["Rapport d'orientation budgétaire", "Avant le débat au conseil", "PDF et résumé d'une page"],
                                    ["Budget voté", "Dans les jours qui suivent le vote", "PDF officiel, tableau CSV et budget citoyen"],
                                    ["État d'exécution", "Chaque trimestre ou semestre", "Tableau CSV, graphique simple"],
                                    ["Compte administratif", "Après le vote du conseil", "PDF, tableau CSV et synthèse"],
                                    ["Marchés attribués", "À chaque attribution", "Liste : objet, attributaire, montant, durée"],
                                ],
                            }),
                            ("heading", "Le budget citoyen : quatre pages plutôt que quatre cents"),
                            ("paragraph",
                             "<p>Un <strong>budget citoyen</strong> présente l'essentiel en langage "
                             "simple : d'où vient l'argent, où il va, quels sont les grands projets de "
                             "l'année et comment donner son avis. Quelques conseils :</p>"
                             "<ul><li>utilisez des ordres de grandeur parlants, par exemple la dépense "
                             "par habitant ;</li>"
                             "<li>montrez des projets localisés, quartier par quartier ;</li>"
                             "<li>traduisez-le dans les langues parlées dans la commune et diffusez-le "
                             "aussi par la radio locale et les réseaux sociaux ;</li>"
                             "<li>indiquez un contact pour poser des questions.</li></ul>"),
                            ("heading", "Les données ouvertes"),
                            ("paragraph",
                             "<p>Publier un PDF scanné n'est pas ouvrir des données. Des "
                             "<strong>données ouvertes</strong> sont publiées dans un format "
                             "réutilisable (CSV, tableur), avec une licence qui autorise leur "
                             "réutilisation, et mises à jour régulièrement. Des journalistes, des "
                             "chercheurs ou des associations peuvent alors les analyser. Montréal, "
                             "par exemple, publie sur son portail de données ouvertes de nombreux "
                             "jeux de données, dont des informations sur ses contrats. Une petite "
                             "commune peut commencer par trois fichiers : budget voté, exécution, "
                             "marchés attribués.</p>"),
                            ("callout", {
                                "kind": "warning",
                                "title": "Ouvrir les données sans exposer les personnes",
                                "text": "<p>Les données financières ouvertes ne doivent pas contenir de "
                                        "données personnelles sensibles : pas de liste nominative des "
                                        "contribuables en retard, ni d'aides sociales individuelles. "
                                        "Agrégez, anonymisez, et vérifiez les règles nationales de protection "
                                        "des données avant publication.</p>",
                            }),
                            ("quote", {
                                "text": "La première année, nous avons affiché le budget citoyen au marché et "
                                        "devant les mosquées et les églises. Les questions sont arrivées tout de "
                                        "suite : pourquoi tant pour le carburant ? Nous avons dû expliquer, puis "
                                        "mieux contrôler. C'était exactement le but.",
                                "attribution": "Un directeur financier de commune, Bénin (témoignage fictif)",
                            }),
                            ("faq", [
                                {"question": "Publier nos difficultés financières ne va-t-il pas nous nuire ?",
                                 "answer": "<p>L'expérience montre plutôt l'inverse : les partenaires et les "
                                           "habitants font davantage confiance à une commune qui explique ses "
                                           "difficultés et son plan pour en sortir qu'à une commune "
                                           "silencieuse. La transparence est aussi une condition d'accès à "
                                           "de nombreux financements.</p>"},
                                {"question": "Par où commencer si nous n'avons pas de site internet ?",
                                 "answer": "<p>Par l'affichage en mairie et au marché, une page sur un réseau "
                                           "social, et la mise à disposition des documents sur demande. Le "
                                           "portail national de données ouvertes, lorsqu'il existe, peut aussi "
                                           "héberger vos fichiers.</p>"},
                            ]),
                        ],
                    },
                    {
                        "slug": "budget-participatif",
                        "title_fr": "Le budget participatif : de Porto Alegre à votre commune",
                        "title_en": "Participatory budgeting: from Porto Alegre to your municipality",
                        "body": [
                            ("paragraph",
                             "<p>En <strong>1989</strong>, la ville de <strong>Porto Alegre</strong>, "
                             "au Brésil, a commencé à associer ses habitants au choix d'une partie de "
                             "ses investissements. Par des assemblées de quartier et des assemblées "
                             "thématiques, les habitants ont défini des priorités et élu des "
                             "délégués chargés de les défendre et d'en suivre la réalisation. Cette "
                             "expérience a inspiré des milliers de villes dans le monde, sous des "
                             "formes très diverses.</p>"),
                            ("heading", "Dans l'espace francophone"),
                            ("paragraph",
                             "<p>Au Sénégal, la commune rurale de Fissel a été parmi les pionnières "
                             "africaines au début des années 2000. Au Cameroun, des communes comme "
                             "Yaoundé 6 ont adopté la démarche avec l'appui d'associations de la "
                             "société civile. En Europe, Paris consacre depuis 2014 une part de ses "
                             "investissements à des projets proposés et votés par les habitants, et "
                             "Montréal a lancé un budget participatif à l'échelle de toute la ville. "
                             "Chaque fois, le dispositif a été adapté à la taille de la commune, à ses "
                             "moyens et à sa culture de la concertation.</p>"),
                            ("heading", "Les étapes d'un cycle de budget participatif"),
                            ("paragraph",
                             "<p>Un cycle annuel comprend généralement six étapes :</p>"
                             "<ol><li><strong>Fixer les règles</strong> : montant ou part du budget "
                             "d'investissement concerné, types de projets éligibles, qui peut "
                             "proposer et voter.</li>"
                             "<li><strong>Recueillir les propositions</strong> lors d'assemblées de "
                             "quartier, en ligne et par des relais associatifs.</li>"
                             "<li><strong>Analyser la faisabilité</strong> : les services techniques "
                             "chiffrent les projets et expliquent publiquement les refus.</li>"
                             "<li><strong>Voter</strong> : les habitants choisissent parmi les projets "
                             "réalisables.</li>"
                             "<li><strong>Inscrire au budget et réaliser</strong> les projets "
                             "lauréats.</li>"
                             "<li><strong>Rendre compte</strong> de l'avancement, puis évaluer et "
                             "améliorer les règles pour le cycle suivant.</li></ol>"),
                            ("callout", {
                                "kind": "key_point",
                                "title": "La règle d'or : réaliser ce qui a été voté",
                                "text": "<p>Rien ne détruit plus vite la confiance qu'un projet voté et jamais "
                                        "réalisé. Mieux vaut une enveloppe modeste, entièrement exécutée "
                                        "et visible, qu'une promesse ambitieuse non tenue. Suivez et publiez "
                                        "l'état d'avancement de chaque projet lauréat.</p>",
                            }),
                            ("case_study", {
                                "title": "Le vote qui ne mobilise que les quartiers aisés",
                                "context": "<p>Lors de la première édition du budget participatif d'une ville "
                                           "moyenne (exemple fictif), 70 % des votes viennent de deux quartiers "
                                           "centraux, bien connectés à internet. Les projets lauréats sont un "
                                           "skate-park et la rénovation d'une place déjà entretenue. Les "
                                           "quartiers périphériques, sans caniveaux ni éclairage, n'ont "
                                           "presque pas participé.</p>",
                                "question": "Comment corriger ce biais lors de la deuxième édition ?",
                                "discussion": "<p>Plusieurs leviers sont possibles : répartir l'enveloppe par "
                                              "quartier, avec une part plus importante pour les quartiers les "
                                              "moins équipés ; organiser le vote aussi sur papier, au marché, "
                                              "dans les écoles et les centres de santé ; s'appuyer sur les "
                                              "associations et les chefs de quartier pour faire émerger des "
                                              "propositions ; accompagner la rédaction des projets. C'est "
                                              "l'esprit de Porto Alegre, où les critères de répartition "
                                              "tenaient compte des besoins des quartiers.</p>",
                            }),
                            ("image", {
                                "title": "Porto Alegre, 1989",
                                "alt": "Illustration d'une assemblée de quartier : des habitants votent à main levée devant un tableau de projets",
                                "caption": "Le budget participatif est né à Porto Alegre en 1989 avant d'être adopté par des villes du monde entier.",
                                "color": "#c0392b",
                            }),
                            ("faq", [
                                {"question": "Quelle part du budget consacrer au budget participatif ?",
                                 "answer": "<p>Il n'y a pas de règle universelle. Beaucoup de villes "
                                           "commencent par une enveloppe modeste de leur budget "
                                           "d'investissement, puis l'augmentent si le dispositif fonctionne. "
                                           "L'essentiel est que le montant soit annoncé à l'avance et "
                                           "réellement disponible.</p>"},
                                {"question": "Le budget participatif retire-t-il son rôle au conseil municipal ?",
                                 "answer": "<p>Non. Le conseil fixe les règles, vote le budget qui intègre les "
                                           "projets choisis et en contrôle l'exécution. Le dispositif éclaire "
                                           "sa décision, il ne la remplace pas.</p>"},
                            ]),
                        ],
                    },
                    {
                        "slug": "autonomie-financiere-financements-innovants",
                        "title_fr": "Autonomie financière et financements innovants",
                        "title_en": "Financial autonomy and innovative financing",
                        "body": [
                            ("paragraph",
                             "<p>Les besoins d'investissement des villes, en particulier en Afrique et "
                             "en Asie où la population urbaine croît rapidement, dépassent très "
                             "largement ce que permettent les recettes ordinaires. Les villes "
                             "cherchent donc à accéder à d'autres sources : marchés financiers, "
                             "banques de développement, fonds climat. Ces financements ont un point "
                             "commun : ils exigent une commune <strong>solvable, transparente et "
                             "organisée</strong>.</p>"),
                            ("heading", "Panorama des instruments"),
                            ("table", {
                                "caption": "Instruments de financement et conditions d'accès",
                                "header": ["Instrument", "Principe", "Conditions habituelles"],
                                "rows": [
                                    ["Obligations municipales", "La ville emprunte directement auprès d'investisseurs",
                                     "Autorisation de l'État, comptes audités, notation financière, projet rentable ou bien identifié"],
                                    ["Fonds de garantie", "Un fonds garantit une partie du prêt accordé à la commune",
                                     "Permet d'obtenir un prêt bancaire à de meilleures conditions"],
                                    ["Institutions de financement des collectivités", "Prêts spécialisés (par exemple FEICOM au Cameroun, CPSCL en Tunisie)",
                                     "Dossier de projet, capacité de remboursement"],
                                    ["Banques de développement", "Prêts ou dons, souvent via l'État ou parfois directement à la ville",
                                     "Études de faisabilité, sauvegardes environnementales et sociales, redevabilité"],
                                    ["Finance climat", "Fonds dédiés à l'atténuation et à l'adaptation au changement climatique",
                                     "Démontrer l'impact climatique, mesurer et rendre compte"],
                                ],
                            }),
                            ("heading", "L'exemple de l'emprunt obligataire de Dakar"),
                            ("paragraph",
                             "<p>En 2015, la Ville de Dakar avait préparé un emprunt obligataire "
                             "d'environ 20 milliards de francs CFA, destiné notamment à financer un "
                             "marché pour relocaliser des marchands ambulants. La ville avait obtenu "
                             "une notation financière et préparé l'opération avec l'appui de "
                             "partenaires internationaux, mais l'État n'a pas donné son autorisation "
                             "et l'émission n'a pas eu lieu. Ce cas est souvent cité pour montrer "
                             "que l'accès des villes aux marchés financiers dépend à la fois de leur "
                             "préparation technique et du <strong>cadre juridique et politique</strong> "
                             "fixé par l'État.</p>"),
                            ("callout", {
                                "kind": "key_point",
                                "title": "La solvabilité se construit année après année",
                                "text": "<p>Avant de viser des financements innovants, travaillez les "
                                        "fondamentaux : des comptes clôturés à temps et audités, une "
                                        "épargne brute positive et stable, des ressources propres en "
                                        "progression, un plan pluriannuel d'investissement chiffré. Ce sont "
                                        "ces éléments qu'examinent une agence de notation ou une banque de "
                                        "développement.</p>",
                            }),
                            ("heading", "Accéder à la finance climat"),
                            ("paragraph",
                             "<p>Les villes sont en première ligne face aux inondations, aux vagues "
                             "de chaleur ou à l'érosion côtière. Des fonds internationaux financent "
                             "des projets d'adaptation et d'atténuation, mais la plupart passent par "
                             "des entités accréditées et par les États. Pour une commune, la "
                             "stratégie réaliste consiste à préparer un <strong>portefeuille de "
                             "projets</strong> bien documentés (drainage, éclairage public économe, "
                             "transports), à rejoindre les réseaux de villes engagées pour le climat "
                             "et à se rapprocher des institutions nationales qui portent les dossiers "
                             "auprès des fonds.</p>"),
                            ("faq", [
                                {"question": "Une commune moyenne peut-elle émettre des obligations ?",
                                 "answer": "<p>C'est rarement la première étape. Les montants minimaux, les "
                                           "coûts de notation et les exigences de transparence rendent "
                                           "l'opération plus adaptée aux grandes villes. Une commune moyenne "
                                           "passera plutôt par une institution spécialisée, un fonds de "
                                           "garantie ou un emprunt groupé avec d'autres communes.</p>"},
                                {"question": "Un partenariat public-privé est-il un financement gratuit ?",
                                 "answer": "<p>Non. Le partenaire privé finance l'investissement, mais la "
                                           "commune ou les usagers le remboursent sur la durée du contrat, "
                                           "avec une rémunération. C'est un engagement de long terme qui doit "
                                           "être évalué comme une dette.</p>"},
                            ]),
                        ],
                    },
                ],
                "quiz": {
                    "slug": "quiz-transparence-participation-financements",
                    "title_fr": "Quiz : transparence, participation et financements innovants",
                    "title_en": "Quiz: transparency, participation and innovative financing",
                    "pass_mark": 60,
                    "questions": [
                        {
                            "type": "numerical",
                            "text": "En quelle année Porto Alegre a-t-elle lancé son budget participatif ?",
                            "answers": [
                                {"value": 1989, "tolerance": 0, "weight": 100,
                                 "feedback": "Exact : 1989. L'expérience a ensuite inspiré des milliers de villes."},
                                {"value": 1990, "tolerance": 0, "weight": 0,
                                 "feedback": "Vous êtes proche, mais c'est en 1989 que Porto Alegre a lancé son "
                                             "budget participatif."},
                            ],
                            "general_feedback": "Le budget participatif de Porto Alegre reposait sur des "
                                                "assemblées de quartier, des délégués élus et des critères de "
                                                "répartition tenant compte des besoins.",
                        },
                        {
                            "type": "multiple",
                            "text": "Quelles conditions sont habituellement requises pour qu'une ville émette "
                                    "des obligations municipales ? (plusieurs réponses)",
                            "choices": [
                                {"text": "Une autorisation de l'État, lorsque la loi l'exige", "weight": 33.33333,
                                 "feedback": "Oui : le cas de Dakar en 2015 montre que cette autorisation est décisive."},
                                {"text": "Des comptes audités et publiés", "weight": 33.33333,
                                 "feedback": "Oui : les investisseurs doivent pouvoir juger la situation financière."},
                                {"text": "Une notation financière", "weight": 33.33334,
                                 "feedback": "Oui : elle mesure la capacité de la ville à rembourser."},
                                {"text": "Un budget de fonctionnement en déficit à combler", "weight": -50,
                                 "feedback": "Non : l'emprunt obligataire, comme tout emprunt, est réservé à "
                                             "l'investissement, et un déficit de fonctionnement inquiète les "
                                             "investisseurs."},
                            ],
                            "general_feedback": "Les financements innovants supposent d'abord des fondamentaux "
                                                "solides : comptes, épargne, transparence.",
                        },
                        {
                            "type": "truefalse",
                            "text": "Publier le budget voté au format PDF scanné suffit pour parler de données ouvertes.",
                            "answer": False,
                            "feedback_true": "Non : des données ouvertes sont publiées dans un format "
                                             "réutilisable (CSV, tableur), avec une licence de réutilisation "
                                             "et des mises à jour régulières.",
                            "feedback_false": "Exact : un PDF scanné informe, mais il ne permet pas de "
                                              "réutiliser les données. Il faut un format ouvert et une licence.",
                            "general_feedback": "Commencez par trois fichiers : budget voté, exécution, marchés attribués.",
                        },
                        {
                            "type": "single",
                            "text": "Lors d'un budget participatif, les services techniques jugent un projet "
                                    "lauréat irréalisable. Quelle est la meilleure attitude ?",
                            "choices": [
                                {"text": "Expliquer publiquement les raisons et, si possible, proposer une alternative", "correct": True,
                                 "feedback": "Oui : la transparence sur les refus préserve la confiance dans le dispositif."},
                                {"text": "Abandonner le projet discrètement", "correct": False,
                                 "feedback": "Non : les habitants s'en apercevront, et la défiance touchera tout le dispositif."},
                                {"text": "Le réaliser quand même pour respecter le vote", "correct": False,
                                 "feedback": "Non : un projet techniquement irréalisable gaspillerait l'argent "
                                             "public. L'analyse de faisabilité doit d'ailleurs intervenir avant le vote."},
                            ],
                            "general_feedback": "L'analyse de faisabilité se fait avant le vote, et les refus "
                                                "sont toujours motivés publiquement.",
                        },
                    ],
                },
            },
        ],
    },
    # =====================================================================
    # Course 4 - Gouvernance locale et services essentiels
    # =====================================================================
    {
        "slug": "gouvernance-locale-services-essentiels",
        "title_fr": "Gouvernance locale et services essentiels",
        "title_en": "Local governance and essential services",
        "summary_fr": (
            "Planifier et gérer l'eau, l'assainissement, la santé, l'éducation "
            "et les déchets, s'appuyer sur le numérique au service des "
            "habitants, et suivre les résultats des projets municipaux."
        ),
        "summary_en": (
            "Plan and manage water, sanitation, health, education and waste, "
            "use digital tools to serve residents, and monitor the results of "
            "municipal projects."
        ),
        "description_fr": (
            "Les habitants jugent d'abord leur ville sur ses services : l'eau au "
            "robinet ou à la borne-fontaine, les ordures ramassées, l'école et le "
            "centre de santé du quartier, l'acte de naissance délivré sans "
            "attendre. Ce cours aide les équipes municipales à planifier ces "
            "services essentiels et à choisir un mode de gestion (régie, "
            "délégation de service public, partenariat public-privé). Il aborde "
            "ensuite la démocratie locale numérique : numérisation de l'état "
            "civil, traitement des plaintes et réclamations, protection des "
            "données personnelles. Il se termine par le suivi et l'évaluation "
            "des projets municipaux : indicateurs, situation de référence, "
            "rapports aux bailleurs et aux habitants. Exemples de Dakar, Tunis, "
            "Yaoundé, Montréal, Phnom Penh et d'autres villes francophones."
        ),
        "level": "intermediaire",
        "language": "fr",
        "topics": [
            "axe-services-essentiels",
            "services-essentiels",
            "gouvernance-locale",
        ],
        "outcomes_fr": [
            "Identifier le rôle de la commune, de l'État et des autres acteurs "
            "dans l'eau, l'assainissement, la santé, l'éducation et les déchets.",
            "Comparer la régie, la délégation de service public et le "
            "partenariat public-privé, et choisir un mode de gestion adapté.",
            "Conduire un projet de numérisation de l'état civil et un dispositif "
            "de traitement des plaintes des usagers.",
            "Appliquer les principes de protection des données personnelles aux "
            "services municipaux.",
            "Construire des indicateurs avec une situation de référence et des "
            "cibles, et rendre compte aux bailleurs et aux habitants.",
        ],
        "prerequisites_fr": (
            "Aucun prérequis formel ; il est conseillé d'avoir suivi le cours "
            "« Décentralisation et gouvernance locale »."
        ),
        "trainer": {
            "name": "Aminata Diallo-Ndiaye",
            "bio_fr": (
                "Ancienne secrétaire générale d'une commune de la région de "
                "Dakar, Aminata Diallo-Ndiaye accompagne depuis quinze ans "
                "des collectivités d'Afrique de l'Ouest et du Maghreb dans "
                "la mise en œuvre de la décentralisation et l'organisation "
                "des services municipaux. Elle anime des ateliers réunissant "
                "élus, agents et représentants de l'État. (Formatrice "
                "fictive, pour la démonstration.)"
            ),
        },
        "cover": {"title": "Services essentiels", "color": "#1f7a8c"},
        "modules": [
            # ---------------------------------------------------------------
            {
                "slug": "planifier-gerer-services-essentiels",
                "title_fr": "Planifier et gérer les services essentiels",
                "title_en": "Planning and managing essential services",
                "lessons": [
                    {
                        "slug": "services-essentiels-qui-fait-quoi",
                        "title_fr": "Eau, assainissement, santé, éducation, déchets : qui fait quoi ?",
                        "title_en": "Water, sanitation, health, education, waste: who does what?",
                        "body": [
                            ("paragraph",
                             "<p>Les services essentiels sont rarement l'affaire d'un seul acteur. "
                             "L'État fixe les normes et finance souvent les grandes infrastructures, "
                             "des opérateurs publics ou privés exploitent les réseaux, des "
                             "associations et des comités de quartier gèrent des équipements de "
                             "proximité. La commune, elle, est presque toujours en première ligne : "
                             "c'est à la mairie que les habitants viennent se plaindre d'une borne-"
                             "fontaine en panne ou d'un dépôt d'ordures sauvage. Savoir <strong>qui "
                             "fait quoi</strong> est la première étape d'une bonne planification.</p>"),
                            ("table", {
                                "caption": "Une répartition fréquente des rôles (elle varie selon les lois nationales)",
                                "header": ["Service", "Rôle fréquent de la commune", "Rôle fréquent de l'État", "Autres acteurs"],
                                "rows": [
                                    ["Eau potable", "Bornes-fontaines, extension dans les quartiers, médiation avec l'opérateur",
                                     "Production, grands réseaux, tarifs", "Société nationale ou délégataire, comités de points d'eau"],
                                    ["Assainissement", "Latrines publiques, caniveaux, vidange, salubrité",
                                     "Stations de traitement, normes", "Vidangeurs privés, ONG"],
                                    ["Santé", "Postes et centres de santé de base, hygiène publique",
                                     "Personnel médical, médicaments, hôpitaux", "Comités de santé, mutuelles"],
                                    ["Éducation", "Construction et entretien des écoles, fournitures",
                                     "Enseignants, programmes, examens", "Associations de parents d'élèves"],
                                    ["Déchets", "Pré-collecte, collecte, propreté des rues",
                                     "Décharges et centres de traitement, normes", "Groupements de pré-collecte, récupérateurs"],
                                ],
                            }),
                            ("heading", "Planifier un service en cinq étapes"),
                            ("paragraph",
                             "<p>Quel que soit le service, la démarche est la même :</p>"
                             "<ol><li><strong>Diagnostiquer</strong> : qui est desservi, qui ne l'est "
                             "pas ? Une carte des quartiers avec les points d'eau, les écoles ou les "
                             "circuits de collecte révèle vite les zones oubliées.</li>"
                             "<li><strong>Écouter les usagers</strong> : enquêtes auprès des ménages, "
                             "réunions de quartier, analyse des plaintes.</li>"
                             "<li><strong>Fixer des objectifs</strong> chiffrés et réalistes, "
                             "cohérents avec le plan de développement communal et les ODD.</li>"
                             "<li><strong>Chiffrer</strong> l'investissement <em>et</em> le "
                             "fonctionnement : un centre de santé sans budget d'entretien ni "
                             "personnel ne sert à rien.</li>"
                             "<li><strong>Choisir le mode de gestion</strong> et organiser le "
                             "suivi.</li></ol>"),
                            ("callout", {
                                "kind": "example",
                                "title": "Phnom Penh : le redressement d'un service d'eau",
                                "text": "<p>Au début des années 1990, la régie des eaux de Phnom Penh (PPWSA) "
                                        "perdait plus de 70 % de l'eau produite, par les fuites, les "
                                        "branchements illicites et les factures impayées. En une quinzaine "
                                        "d'années, elle a ramené ces pertes sous les 10 % grâce à une "
                                        "politique de compteurs pour tous, de lutte contre les branchements "
                                        "illicites, de recouvrement rigoureux et de tarifs sociaux pour les "
                                        "ménages pauvres. Son exemple est souvent cité pour montrer qu'un "
                                        "opérateur public bien gouverné peut être très performant.</p>",
                            }),
                            ("callout", {
                                "kind": "key_point",
                                "title": "Penser à la pré-collecte",
                                "text": "<p>Dans les quartiers aux ruelles étroites, les camions ne passent "
                                        "pas. À Dakar, à Yaoundé comme dans de nombreuses villes, des "
                                        "groupements de quartier assurent la <strong>pré-collecte</strong> "
                                        "des ordures en charrette ou en tricycle jusqu'à un point de "
                                        "regroupement. Les intégrer au plan de gestion des déchets, avec un "
                                        "contrat et une rémunération clairs, améliore fortement le taux de "
                                        "collecte.</p>",
                            }),
                            ("quote", {
                                "text": "Nous avions prévu trois nouvelles écoles. La carte des quartiers nous a "
                                        "montré que deux d'entre elles auraient été construites là où les "
                                        "classes n'étaient pas pleines. Nous avons déplacé les projets avant de "
                                        "lancer les marchés.",
                                "attribution": "Un directeur des services techniques, Guinée (témoignage fictif)",
                            }),
                            ("faq", [
                                {"question": "La commune doit-elle agir si le service relève de l'État ?",
                                 "answer": "<p>Elle n'a pas à se substituer à l'État, mais elle a un rôle de "
                                           "relais et d'alerte : faire remonter les besoins, participer à la "
                                           "planification, faciliter l'accès aux terrains, et informer les "
                                           "habitants. C'est souvent elle que les usagers tiennent pour "
                                           "responsable.</p>"},
                                {"question": "Comment planifier sans données fiables ?",
                                 "answer": "<p>Commencez avec ce qui existe : recensements, données des écoles "
                                           "et des centres de santé, relevés des opérateurs, puis complétez "
                                           "par des enquêtes rapides et des relevés de terrain. Une donnée "
                                           "approximative mais à jour vaut mieux qu'aucune.</p>"},
                            ]),
                        ],
                    },
                    {
                        "slug": "regie-dsp-ppp",
                        "title_fr": "Régie, délégation de service public, partenariat public-privé : choisir un mode de gestion",
                        "title_en": "Direct management, delegated public service, public-private partnership: choosing a model",
                        "body": [
                            ("paragraph",
                             "<p>Une fois le besoin défini, la commune doit décider <strong>qui "
                             "va gérer le service</strong>. Il n'existe pas de mode de gestion "
                             "idéal : le bon choix dépend de la taille du service, des compétences "
                             "disponibles, du besoin d'investissement et de la capacité de la "
                             "commune à contrôler un opérateur. Ce qui ne se délègue jamais, c'est la "
                             "<strong>responsabilité</strong> du service devant les habitants.</p>"),
                            ("table", {
                                "caption": "Les principaux modes de gestion",
                                "header": ["Mode", "Qui exploite ?", "Qui investit ?", "Qui porte le risque d'exploitation ?"],
                                "rows": [
                                    ["Régie directe", "Les services de la commune", "La commune", "La commune"],
                                    ["Régie autonome ou établissement public", "Une entité publique dotée de sa propre gestion", "La commune ou l'entité", "L'entité publique"],
                                    ["Marché de services", "Un prestataire payé par la commune pour une tâche précise", "La commune", "Surtout la commune"],
                                    ["Affermage", "Un fermier qui exploite des ouvrages fournis par la collectivité", "La collectivité", "Le fermier, rémunéré par les usagers"],
                                    ["Concession", "Un concessionnaire qui construit et exploite", "Le concessionnaire", "Le concessionnaire, rémunéré par les usagers"],
                                    ["Partenariat public-privé", "Un partenaire qui finance, construit et entretient", "Le partenaire", "Partagé ; la collectivité paie un loyer"],
                                ],
                            }),
                            ("heading", "Des exemples dans l'espace francophone"),
                            ("paragraph",
                             "<p>Trois situations illustrent la diversité des choix possibles :</p>"
                             "<ul><li>Au Sénégal, l'hydraulique urbaine est organisée depuis 1996 selon "
                             "un modèle d'<strong>affermage</strong> : une société publique de "
                             "patrimoine investit dans les ouvrages, un exploitant privé les gère et "
                             "se rémunère sur les factures. Ce modèle est piloté au niveau national, "
                             "mais il illustre la logique de la délégation.</li>"
                             "<li>À Paris, la gestion de l'eau, auparavant déléguée à des entreprises "
                             "privées, a été reprise en <strong>régie</strong> en 2010 par un "
                             "opérateur public unique, Eau de Paris.</li>"
                             "<li>De nombreuses communes confient la collecte des ordures à des "
                             "entreprises par des <strong>marchés de services</strong>, tout en "
                             "gardant la pré-collecte avec des groupements de quartier.</li></ul>"),
                            ("callout", {
                                "kind": "warning",
                                "title": "Déléguer exige de savoir contrôler",
                                "text": "<p>Un contrat de délégation sans équipe pour le suivre est un "
                                        "chèque en blanc. Prévoyez dans le contrat des <strong>indicateurs "
                                        "de performance</strong> (taux de collecte, délais de réparation, "
                                        "qualité de l'eau), un rapport annuel de l'opérateur, des pénalités, "
                                        "un droit de contrôle sur place, et désignez dans la commune un "
                                        "responsable du contrat formé pour lire les comptes de "
                                        "l'opérateur.</p>",
                            }),
                            ("case_study", {
                                "title": "La collecte des déchets d'une ville de 300 000 habitants",
                                "context": "<p>Une ville côtière d'Afrique de l'Ouest (exemple fictif) assure la "
                                           "collecte en régie avec six camions, dont trois sont souvent en "
                                           "panne. Le taux de collecte est estimé à 45 %. Un opérateur privé "
                                           "propose une concession de quinze ans, avec achat de vingt camions, "
                                           "rémunérée par une redevance sur les ménages.</p>",
                                "question": "Quelles questions la commune doit-elle se poser avant de décider ?",
                                "discussion": "<p>La commune peut-elle réellement recouvrer une redevance auprès "
                                              "des ménages, et à quel niveau sans exclure les plus pauvres ? "
                                              "Quinze ans est-il justifié par la durée de vie des camions ? "
                                              "Qui gère la pré-collecte et la décharge ? A-t-elle les moyens de "
                                              "contrôler le contrat ? Une solution intermédiaire, par exemple un "
                                              "marché de services de cinq ans par zones, avec des indicateurs "
                                              "de résultat et une mise en concurrence, peut offrir plus de "
                                              "souplesse. Le choix doit être comparé sur le coût total et la "
                                              "qualité attendue, pas seulement sur l'investissement évité.</p>",
                            }),
                            ("image", {
                                "title": "Régie · Délégation · PPP",
                                "alt": "Trois colonnes représentant trois modes de gestion, avec une balance symbolisant le partage des risques entre la commune et l'opérateur",
                                "caption": "Le mode de gestion répartit différemment l'investissement, l'exploitation et les risques.",
                                "color": "#1f7a8c",
                            }),
                        ],
                    },
                ],
                "quiz": {
                    "slug": "quiz-planifier-gerer-services-essentiels",
                    "title_fr": "Quiz : planifier et gérer les services essentiels",
                    "title_en": "Quiz: planning and managing essential services",
                    "pass_mark": 60,
                    "questions": [
                        {
                            "type": "matching",
                            "text": "Associez chaque mode de gestion à sa description.",
                            "pairs": [
                                {"left": "Régie directe", "right": "Les services municipaux exploitent eux-mêmes le service"},
                                {"left": "Affermage", "right": "Un exploitant gère des ouvrages financés par la collectivité et se rémunère auprès des usagers"},
                                {"left": "Concession", "right": "Un opérateur construit les ouvrages, les exploite et se rémunère auprès des usagers"},
                                {"left": "Partenariat public-privé", "right": "Un partenaire finance, construit et entretient ; la collectivité lui verse un loyer"},
                            ],
                            "distractors": ["Le représentant de l'État exploite le service au nom de la commune"],
                            "general_feedback": "Ce qui distingue ces modes : qui investit, qui exploite, qui "
                                                "porte le risque, et comment l'opérateur est rémunéré.",
                        },
                        {
                            "type": "truefalse",
                            "text": "En confiant la collecte des déchets à une entreprise privée, la commune "
                                    "transfère aussi sa responsabilité devant les habitants.",
                            "answer": False,
                            "feedback_true": "Non : l'exploitation peut être déléguée, la responsabilité du "
                                             "service public reste à la commune.",
                            "feedback_false": "Exact : la commune reste responsable ; elle doit donc contrôler "
                                              "l'opérateur avec des indicateurs, des rapports et des pénalités.",
                            "general_feedback": "Déléguer l'exploitation n'est pas se défaire du service : il "
                                                "faut une équipe capable de suivre le contrat.",
                        },
                        {
                            "type": "single",
                            "text": "Une commune construit un centre de santé. Quel oubli est le plus fréquent "
                                    "dans la planification ?",
                            "choices": [
                                {"text": "Le budget de fonctionnement : personnel, entretien, énergie", "correct": True,
                                 "feedback": "Oui : un équipement sans moyens de fonctionnement reste fermé ou "
                                             "se dégrade très vite."},
                                {"text": "La couleur de la façade", "correct": False,
                                 "feedback": "Non : ce détail n'empêche pas le centre de fonctionner."},
                                {"text": "L'inauguration officielle", "correct": False,
                                 "feedback": "Non : l'inauguration est rarement oubliée ; le budget de "
                                             "fonctionnement, si."},
                            ],
                            "general_feedback": "Chiffrez toujours l'investissement et le fonctionnement, et "
                                                "vérifiez qui paiera le personnel (souvent l'État pour la santé).",
                        },
                        {
                            "type": "multiple",
                            "text": "Quelles clauses rendent un contrat de délégation plus facile à contrôler "
                                    "par la commune ? (plusieurs réponses)",
                            "choices": [
                                {"text": "Des indicateurs de performance chiffrés", "weight": 25,
                                 "feedback": "Oui : ils permettent de mesurer objectivement le service rendu."},
                                {"text": "Un rapport annuel de l'opérateur avec ses comptes", "weight": 25,
                                 "feedback": "Oui : il permet de vérifier l'équilibre économique du contrat."},
                                {"text": "Des pénalités en cas de manquement", "weight": 25,
                                 "feedback": "Oui : elles donnent du poids aux indicateurs."},
                                {"text": "Un droit de contrôle sur place", "weight": 25,
                                 "feedback": "Oui : il permet de vérifier les informations déclarées."},
                                {"text": "Une clause interdisant à la commune de consulter les usagers", "weight": -50,
                                 "feedback": "Non : l'avis des usagers est une source essentielle de contrôle."},
                            ],
                            "general_feedback": "Un contrat bien rédigé ne suffit pas : il faut aussi un "
                                                "responsable du contrat formé dans la commune.",
                        },
                    ],
                },
            },
            # ---------------------------------------------------------------
            {
                "slug": "democratie-locale-numerique",
                "title_fr": "Démocratie locale numérique et données urbaines",
                "title_en": "Digital local democracy and urban data",
                "lessons": [
                    {
                        "slug": "numeriser-etat-civil",
                        "title_fr": "Numériser l'état civil",
                        "title_en": "Digitising the civil registry",
                        "body": [
                            ("paragraph",
                             "<p>L'état civil est souvent le premier service municipal qu'un habitant "
                             "rencontre : déclaration de naissance, mariage, décès. Un acte de "
                             "naissance ouvre l'accès à l'école, aux examens, à la carte d'identité, "
                             "à l'héritage et au vote. La cible 16.9 des objectifs de développement "
                             "durable vise d'ailleurs à garantir à tous une <strong>identité "
                             "juridique</strong>, notamment grâce à l'enregistrement des naissances. "
                             "Or, dans beaucoup de communes, les registres papier s'abîment, se "
                             "perdent ou se falsifient.</p>"),
                            ("heading", "Les étapes d'un projet de numérisation"),
                            ("table", {
                                "caption": "Une démarche par étapes",
                                "header": ["Étape", "Contenu", "Piège à éviter"],
                                "rows": [
                                    ["1. Inventaire", "Recenser les registres existants, leur état, les années manquantes",
                                     "Commencer à scanner sans savoir ce qui existe"],
                                    ["2. Sécurisation", "Restaurer et conserver les registres originaux, qui restent la référence juridique",
                                     "Détruire ou négliger le papier une fois scanné"],
                                    ["3. Numérisation et saisie", "Scanner les actes et saisir les données essentielles dans une base",
                                     "Saisie sans double contrôle, qui multiplie les erreurs"],
                                    ["4. Nouveaux actes", "Enregistrer directement les nouveaux actes dans le logiciel",
                                     "Maintenir deux circuits parallèles sans règles claires"],
                                    ["5. Interopérabilité", "Échanger avec le registre national, la santé, l'identification",
                                     "Un logiciel communal isolé, incompatible avec le système national"],
                                ],
                            }),
                            ("callout", {
                                "kind": "key_point",
                                "title": "Le numérique ne remplace pas la loi",
                                "text": "<p>Avant de lancer le projet, vérifiez ce que dit le droit national : "
                                        "l'acte numérique a-t-il une valeur juridique ? Qui peut délivrer un "
                                        "extrait ? Comment les corrections sont-elles tracées ? Le projet doit "
                                        "être conduit avec le ministère chargé de l'état civil et les "
                                        "autorités judiciaires compétentes, pas seulement avec un "
                                        "prestataire informatique.</p>",
                            }),
                            ("heading", "Aller vers les familles"),
                            ("paragraph",
                             "<p>La numérisation est aussi l'occasion d'améliorer le taux "
                             "d'enregistrement. Plusieurs pays expérimentent la déclaration de "
                             "naissance depuis la maternité ou le centre de santé, par un agent "
                             "équipé d'une tablette ou d'un téléphone, avec transmission immédiate au "
                             "centre d'état civil. Des audiences foraines, organisées avec les "
                             "tribunaux, permettent aussi de rattraper les naissances jamais "
                             "déclarées, notamment pour les enfants en âge d'entrer à l'école.</p>"),
                            ("case_study", {
                                "title": "Le centre d'état civil sans électricité stable",
                                "context": "<p>Une commune d'arrondissement (exemple fictif) a reçu dix "
                                           "ordinateurs et un logiciel d'état civil. Mais les coupures "
                                           "d'électricité sont fréquentes, la connexion internet est "
                                           "instable et deux agents seulement savent utiliser le logiciel. "
                                           "Les usagers attendent plus longtemps qu'avant.</p>",
                                "question": "Que faut-il corriger pour que la numérisation améliore vraiment le service ?",
                                "discussion": "<p>Il faut traiter l'environnement autant que le logiciel : "
                                              "onduleurs ou panneaux solaires, logiciel capable de fonctionner "
                                              "hors ligne puis de synchroniser, sauvegardes régulières hors "
                                              "site, formation de tous les agents et d'un référent interne, "
                                              "procédure de secours sur papier clairement encadrée. Un "
                                              "indicateur simple, le délai moyen de délivrance d'un extrait, "
                                              "permet de vérifier que le service s'améliore réellement.</p>",
                            }),
                            ("faq", [
                                {"question": "Peut-on confier les données d'état civil à un hébergeur privé ?",
                                 "answer": "<p>C'est une question juridique et de souveraineté : de nombreux "
                                           "pays imposent un hébergement national ou public pour ces données "
                                           "très sensibles. Vérifiez la loi et associez l'autorité de "
                                           "protection des données dès la conception.</p>"},
                                {"question": "Les registres papier peuvent-ils être détruits après numérisation ?",
                                 "answer": "<p>En général non : ils restent la source juridique de référence et "
                                           "doivent être conservés selon les règles d'archivage.</p>"},
                            ]),
                        ],
                    },
                    {
                        "slug": "traiter-plaintes-reclamations",
                        "title_fr": "Traiter les plaintes et réclamations des usagers",
                        "title_en": "Handling residents' complaints",
                        "body": [
                            ("paragraph",
                             "<p>Une plainte est une information précieuse : elle signale un "
                             "lampadaire éteint, un caniveau bouché, un agent désagréable ou un "
                             "délai anormal. Une commune qui organise le <strong>traitement des "
                             "plaintes et réclamations</strong> améliore ses services, détecte des "
                             "abus et montre aux habitants qu'ils sont écoutés. À l'inverse, des "
                             "plaintes sans réponse nourrissent la défiance et les réseaux "
                             "sociaux.</p>"),
                            ("heading", "Les briques d'un bon dispositif"),
                            ("paragraph",
                             "<p>Un dispositif efficace repose sur six éléments :</p>"
                             "<ol><li><strong>Des canaux accessibles</strong> : guichet, téléphone, "
                             "SMS, messagerie, formulaire en ligne, cahier au marché, relais des "
                             "chefs de quartier.</li>"
                             "<li><strong>Un registre unique</strong> : chaque plainte reçoit un "
                             "numéro, quelle que soit la porte d'entrée.</li>"
                             "<li><strong>Un accusé de réception</strong> avec un délai de réponse "
                             "annoncé.</li>"
                             "<li><strong>Une orientation claire</strong> vers le service compétent, "
                             "ou vers l'État ou l'opérateur concerné, avec suivi.</li>"
                             "<li><strong>Une réponse</strong> à l'usager, même quand la solution "
                             "prend du temps.</li>"
                             "<li><strong>Une analyse régulière</strong> des plaintes pour corriger "
                             "les causes récurrentes.</li></ol>"),
                            ("callout", {
                                "kind": "example",
                                "title": "Montréal et le 311",
                                "text": "<p>À Montréal, comme dans de nombreuses villes d'Amérique du Nord, le "
                                        "numéro <strong>311</strong> permet aux habitants de joindre la ville "
                                        "pour une demande d'information ou un signalement : nid-de-poule, "
                                        "collecte manquée, éclairage. Chaque demande est enregistrée et "
                                        "transmise au service concerné. Une commune plus petite peut "
                                        "appliquer la même logique avec un simple numéro de téléphone, un "
                                        "tableur partagé et une règle de réponse sous quelques jours.</p>",
                            }),
                            ("table", {
                                "caption": "Indicateurs de suivi des plaintes",
                                "header": ["Indicateur", "Ce qu'il révèle"],
                                "rows": [
                                    ["Nombre de plaintes par type et par quartier", "Les zones et services en difficulté"],
                                    ["Délai moyen de première réponse", "La réactivité de l'administration"],
                                    ["Part des plaintes résolues dans le délai annoncé", "La fiabilité des engagements"],
                                    ["Plaintes récurrentes sur le même sujet", "Un problème structurel à traiter à la source"],
                                    ["Satisfaction des usagers après traitement", "La qualité perçue de la réponse"],
                                ],
                            }),
                            ("quote", {
                                "text": "Nous avions peur d'être submergés. En réalité, les trois quarts des "
                                        "plaintes portaient sur cinq sujets. Quand nous avons réglé l'éclairage "
                                        "de deux avenues et le circuit de collecte d'un quartier, le volume a "
                                        "baissé de moitié.",
                                "attribution": "Une responsable de la relation aux usagers, Côte d'Ivoire (témoignage fictif)",
                            }),
                            ("callout", {
                                "kind": "warning",
                                "title": "Protéger ceux qui se plaignent",
                                "text": "<p>Une plainte peut viser un agent ou un élu. Le dispositif doit "
                                        "garantir la <strong>confidentialité</strong> de l'identité du "
                                        "plaignant et prévoir une voie de recours hors de la hiérarchie "
                                        "concernée, par exemple vers le secrétaire général ou un médiateur. "
                                        "Les signalements de corruption suivent une procédure spécifique.</p>",
                            }),
                            ("case_study", {
                                "title": "Les plaintes qui se perdent entre la mairie et l'opérateur",
                                "context": "<p>Dans une ville moyenne (exemple fictif), l'eau est distribuée "
                                           "par une société nationale. Les habitants d'un quartier se "
                                           "plaignent à la mairie de coupures répétées. L'agent d'accueil "
                                           "leur répond que « ce n'est pas la mairie » et les renvoie vers "
                                           "l'agence de la société, à l'autre bout de la ville. Les "
                                           "habitants finissent par manifester devant l'hôtel de ville.</p>",
                                "question": "Comment la commune aurait-elle pu mieux traiter ces plaintes, alors que le service ne relève pas d'elle ?",
                                "discussion": "<p>La commune peut enregistrer la plainte dans son registre, la "
                                              "transmettre à l'opérateur par un canal convenu (un référent, une "
                                              "adresse dédiée), suivre la réponse et en informer les "
                                              "habitants. Une convention simple avec l'opérateur, prévoyant un "
                                              "échange mensuel sur les plaintes par quartier, transforme un "
                                              "conflit en outil de pilotage. La commune reste ainsi dans son "
                                              "rôle de relais, sans se substituer à l'opérateur.</p>",
                            }),
                            ("faq", [
                                {"question": "Faut-il répondre aux plaintes publiées sur les réseaux sociaux ?",
                                 "answer": "<p>Oui, au moins pour indiquer le canal officiel et le numéro "
                                           "d'enregistrement de la demande. Une réponse rapide et courtoise "
                                           "évite l'escalade ; les échanges détaillés, surtout s'ils "
                                           "contiennent des données personnelles, se poursuivent en "
                                           "privé.</p>"},
                                {"question": "Qui doit piloter le dispositif ?",
                                 "answer": "<p>Un service ou un agent clairement désigné, rattaché au "
                                           "secrétariat général, qui tient le registre, relance les services "
                                           "et présente un bilan trimestriel à la direction.</p>"},
                            ]),
                        ],
                    },
                    {
                        "slug": "proteger-donnees-personnelles",
                        "title_fr": "Protéger les données personnelles des habitants",
                        "title_en": "Protecting residents' personal data",
                        "body": [
                            ("paragraph",
                             "<p>Une mairie détient énormément de données personnelles : état civil, "
                             "fichiers fiscaux, listes de bénéficiaires d'aides, dossiers des agents, "
                             "images de vidéosurveillance, plaintes des usagers. Leur fuite ou leur "
                             "mauvais usage peut exposer des personnes à des discriminations, des "
                             "escroqueries ou des pressions. La plupart des pays francophones se sont "
                             "dotés de lois et d'autorités de protection des données.</p>"),
                            ("table", {
                                "caption": "Quelques cadres de référence",
                                "header": ["Territoire", "Texte", "Autorité de contrôle"],
                                "rows": [
                                    ["Sénégal", "Loi de 2008 sur la protection des données à caractère personnel",
                                     "Commission de protection des données personnelles (CDP)"],
                                    ["Tunisie", "Loi organique de 2004 sur la protection des données à caractère personnel",
                                     "Instance nationale de protection des données personnelles (INPDP)"],
                                    ["Québec (Canada)", "Loi sur l'accès aux documents des organismes publics et sur la protection des renseignements personnels, modernisée en 2021",
                                     "Commission d'accès à l'information (CAI)"],
                                    ["France et Union européenne", "Règlement général sur la protection des données (RGPD), applicable depuis 2018",
                                     "Commission nationale de l'informatique et des libertés (CNIL)"],
                                    ["Union africaine", "Convention sur la cybersécurité et la protection des données à caractère personnel (Malabo, 2014)",
                                     "Autorités nationales des États parties"],
                                ],
                            }),
                            ("heading", "Six principes à appliquer dans chaque service"),
                            ("paragraph",
                             "<p>Ces principes, communs à la plupart des lois, valent pour tous les fichiers de la mairie :</p>"
                             "<ul><li><strong>Finalité</strong> : on collecte des données pour un "
                             "objectif précis et légitime, et on ne les réutilise pas pour autre "
                             "chose sans base légale.</li>"
                             "<li><strong>Minimisation</strong> : on ne collecte que les données "
                             "strictement nécessaires.</li>"
                             "<li><strong>Exactitude</strong> : les données sont tenues à jour et "
                             "corrigées si besoin.</li>"
                             "<li><strong>Durée limitée</strong> : on ne les conserve pas plus "
                             "longtemps que nécessaire.</li>"
                             "<li><strong>Sécurité</strong> : accès réservé aux personnes "
                             "habilitées, mots de passe, sauvegardes.</li>"
                             "<li><strong>Transparence et droits</strong> : les personnes sont "
                             "informées et peuvent accéder à leurs données et les faire "
                             "rectifier.</li></ul>"),
                            ("case_study", {
                                "title": "Le groupe de messagerie des agents de quartier",
                                "context": "<p>Pour aller plus vite, les agents de propreté d'une commune (exemple "
                                           "fictif) ont créé un groupe de messagerie où ils partagent des "
                                           "photos de dépôts sauvages, mais aussi les noms, numéros de "
                                           "téléphone et adresses des habitants qui se plaignent, ainsi que "
                                           "des photos de personnes surprises en train de jeter des ordures. "
                                           "Le groupe compte des membres extérieurs à la mairie.</p>",
                                "question": "Quels problèmes de protection des données voyez-vous, et que proposer ?",
                                "discussion": "<p>Les données des plaignants circulent hors de tout cadre, y "
                                              "compris vers des personnes non habilitées, sans durée de "
                                              "conservation ni sécurité ; les photos de personnes "
                                              "identifiables peuvent porter atteinte à leurs droits. Proposez "
                                              "un outil de suivi des plaintes réservé aux agents habilités, "
                                              "des photos centrées sur les dépôts et non sur les personnes, la "
                                              "suppression des données partagées dans le groupe, et une "
                                              "courte formation. L'objectif initial, réagir vite, reste "
                                              "légitime : il faut seulement un outil adapté.</p>",
                            }),
                            ("callout", {
                                "kind": "key_point",
                                "title": "Désigner un référent",
                                "text": "<p>Même dans une petite commune, désignez un <strong>référent "
                                        "données personnelles</strong> qui tient la liste des fichiers "
                                        "(finalité, données, durée, personnes habilitées), conseille les "
                                        "services et sert d'interlocuteur à l'autorité de protection des "
                                        "données. Sous le RGPD, les autorités publiques doivent désigner un "
                                        "délégué à la protection des données.</p>",
                            }),
                            ("faq", [
                                {"question": "La vidéosurveillance de la voie publique est-elle permise ?",
                                 "answer": "<p>Elle est généralement encadrée : autorisation ou déclaration "
                                           "préalable, information du public par des panneaux, durée de "
                                           "conservation limitée des images, accès réservé. Renseignez-vous "
                                           "auprès de l'autorité nationale avant toute installation.</p>"},
                            ]),
                        ],
                    },
                ],
                "quiz": {
                    "slug": "quiz-democratie-locale-numerique",
                    "title_fr": "Quiz : démocratie locale numérique et données urbaines",
                    "title_en": "Quiz: digital local democracy and urban data",
                    "pass_mark": 60,
                    "questions": [
                        {
                            "type": "shortanswer",
                            "text": "Quel principe de protection des données impose de ne collecter que les "
                                    "données strictement nécessaires à la finalité poursuivie ? (un mot)",
                            "answers": [
                                {"text": "minimisation", "weight": 100,
                                 "feedback": "Oui : la minimisation. Une fiche de plainte n'a pas besoin de la "
                                             "date de naissance ou de la religion du plaignant."},
                                {"text": "finalité", "weight": 0,
                                 "feedback": "La finalité définit l'objectif ; le principe qui limite la "
                                             "quantité de données collectées est la minimisation."},
                            ],
                            "general_feedback": "Finalité, minimisation, exactitude, durée limitée, sécurité, "
                                                "transparence : six principes à appliquer dans chaque service.",
                        },
                        {
                            "type": "multiple",
                            "text": "Quels éléments sont indispensables à un dispositif de traitement des "
                                    "plaintes ? (plusieurs réponses)",
                            "choices": [
                                {"text": "Un registre unique avec un numéro pour chaque plainte", "weight": 33.33333,
                                 "feedback": "Oui : sans registre, impossible de suivre ni d'analyser les plaintes."},
                                {"text": "Un accusé de réception avec un délai annoncé", "weight": 33.33333,
                                 "feedback": "Oui : l'usager sait que sa demande est prise en compte."},
                                {"text": "Une analyse régulière des causes récurrentes", "weight": 33.33334,
                                 "feedback": "Oui : c'est ce qui transforme les plaintes en amélioration du service."},
                                {"text": "Un canal unique, uniquement en ligne", "weight": -50,
                                 "feedback": "Non : un seul canal en ligne exclut une partie des habitants ; "
                                             "multipliez les portes d'entrée, avec un registre commun."},
                            ],
                            "general_feedback": "Canaux accessibles, registre, accusé de réception, orientation, "
                                                "réponse, analyse : les six briques du dispositif.",
                        },
                        {
                            "type": "truefalse",
                            "text": "Après la numérisation de l'état civil, les registres papier d'origine "
                                    "peuvent être détruits pour gagner de la place.",
                            "answer": False,
                            "feedback_true": "Non : les registres originaux restent en général la source "
                                             "juridique de référence et doivent être conservés selon les règles "
                                             "d'archivage.",
                            "feedback_false": "Exact : la numérisation sécurise et facilite l'accès, mais ne "
                                              "remplace pas, sauf disposition légale contraire, les registres "
                                              "originaux.",
                            "general_feedback": "Un projet de numérisation se conduit avec le ministère chargé de "
                                                "l'état civil et dans le respect du droit national.",
                        },
                        {
                            "type": "single",
                            "text": "Quelle cible des ODD vise à garantir à tous une identité juridique, "
                                    "notamment grâce à l'enregistrement des naissances ?",
                            "choices": [
                                {"text": "La cible 16.9", "correct": True,
                                 "feedback": "Oui : la cible 16.9 relève de l'ODD 16 sur les institutions "
                                             "efficaces et ouvertes."},
                                {"text": "La cible 11.6", "correct": False,
                                 "feedback": "Non : la cible 11.6 porte sur l'impact environnemental des "
                                             "villes, dont la gestion des déchets."},
                                {"text": "La cible 6.1", "correct": False,
                                 "feedback": "Non : la cible 6.1 porte sur l'accès universel à l'eau potable."},
                            ],
                            "general_feedback": "L'état civil est un service municipal qui contribue "
                                                "directement à un objectif mondial.",
                        },
                    ],
                },
            },
            # ---------------------------------------------------------------
            {
                "slug": "suivi-evaluation-projets",
                "title_fr": "Suivre et évaluer les projets municipaux",
                "title_en": "Monitoring and evaluating municipal projects",
                "lessons": [
                    {
                        "slug": "indicateurs-situation-reference",
                        "title_fr": "Indicateurs, situation de référence et cibles",
                        "title_en": "Indicators, baselines and targets",
                        "body": [
                            ("paragraph",
                             "<p>« Nous avons construit vingt bornes-fontaines » : c'est une bonne "
                             "nouvelle, mais est-ce que davantage de familles ont accès à l'eau "
                             "potable, à une distance raisonnable et à un prix abordable ? Le "
                             "<strong>suivi-évaluation</strong> sert à répondre à cette question. Il "
                             "ne s'agit pas de remplir des formulaires pour les bailleurs, mais de "
                             "savoir si un projet améliore réellement la vie des habitants, et de "
                             "corriger le tir à temps.</p>"),
                            ("heading", "La chaîne des résultats"),
                            ("table", {
                                "caption": "De la dépense au changement : un projet d'eau potable",
                                "header": ["Niveau", "Définition", "Exemple d'indicateur"],
                                "rows": [
                                    ["Moyens", "Ressources mobilisées", "Budget dépensé ; nombre d'agents affectés"],
                                    ["Activités", "Ce que l'on fait", "Nombre de réunions de quartier ; travaux lancés"],
                                    ["Réalisations", "Ce que l'on produit directement", "Nombre de bornes-fontaines en service"],
                                    ["Effets", "Changements pour les bénéficiaires", "Part des ménages à moins de 200 mètres d'un point d'eau fonctionnel"],
                                    ["Impact", "Changement durable à long terme", "Baisse des maladies diarrhéiques chez les enfants de moins de cinq ans"],
                                ],
                            }),
                            ("paragraph",
                             "<p>Une erreur fréquente consiste à ne suivre que les moyens et les "
                             "réalisations, faciles à compter. Les <strong>effets</strong> sont plus "
                             "difficiles à mesurer, mais ce sont eux qui intéressent les habitants, le "
                             "conseil municipal et les partenaires. L'impact, lui, dépend de nombreux "
                             "facteurs extérieurs au projet ; on l'évalue plutôt lors d'études "
                             "ponctuelles.</p>"),
                            ("heading", "Construire de bons indicateurs"),
                            ("paragraph",
                             "<p>Un bon indicateur est souvent décrit comme <strong>SMART</strong> : "
                             "spécifique, mesurable, atteignable, réaliste et limité dans le temps. "
                             "Pour chaque indicateur, précisez :</p>"
                             "<ul><li>sa <strong>définition exacte</strong> (qu'est-ce qu'un point d'eau "
                             "« fonctionnel » ?) ;</li>"
                             "<li>la <strong>situation de référence</strong>, mesurée avant le "
                             "projet ;</li>"
                             "<li>la <strong>cible</strong> à atteindre et son échéance ;</li>"
                             "<li>la <strong>source</strong> des données et la fréquence de "
                             "collecte ;</li>"
                             "<li>le <strong>responsable</strong> de la collecte ;</li>"
                             "<li>la <strong>ventilation</strong> utile : par quartier, par sexe, par "
                             "âge.</li></ul>"),
                            ("heading", "Où trouver les données ?"),
                            ("paragraph",
                             "<p>Une commune dispose déjà de nombreuses sources : registres "
                             "administratifs (état civil, plaintes, recettes), relevés des "
                             "opérateurs d'eau ou de collecte, données des écoles et des centres de "
                             "santé, recensements nationaux. Elle peut les compléter par des enquêtes "
                             "légères auprès d'un échantillon de ménages, des relevés de terrain sur "
                             "téléphone ou des observations lors des visites de chantier. "
                             "L'essentiel est de <strong>mesurer toujours de la même façon</strong>, "
                             "pour que les valeurs successives soient comparables.</p>"),
                            ("callout", {
                                "kind": "key_point",
                                "title": "Sans situation de référence, pas de progrès démontrable",
                                "text": "<p>Si vous ne savez pas combien de ménages avaient accès à l'eau avant "
                                        "le projet, vous ne pourrez jamais prouver qu'il a changé quelque "
                                        "chose. Mesurez la <strong>situation de référence</strong> avant le "
                                        "démarrage, même de façon simple : une enquête rapide sur un "
                                        "échantillon de ménages vaut mieux que pas de mesure du tout.</p>",
                            }),
                            ("callout", {
                                "kind": "example",
                                "title": "Calculer le taux d'atteinte d'une cible",
                                "text": "<p>Situation de référence : 40 % des ménages d'un quartier ont accès à "
                                        "un point d'eau à moins de 200 mètres. Cible à trois ans : 60 %. Au "
                                        "bout de dix-huit mois, la mesure donne 52 %. Le progrès réalisé est "
                                        "de 12 points sur les 20 visés, soit un <strong>taux d'atteinte de "
                                        "60 %</strong> à mi-parcours : le projet est sur la bonne voie.</p>",
                            }),
                            ("faq", [
                                {"question": "Combien d'indicateurs faut-il suivre ?",
                                 "answer": "<p>Peu, mais bien. Pour un projet municipal, cinq à dix indicateurs "
                                           "bien définis et réellement collectés valent mieux que trente "
                                           "indicateurs théoriques. Choisissez-les avec ceux qui collecteront "
                                           "les données.</p>"},
                            ]),
                        ],
                    },
                    {
                        "slug": "rendre-compte-bailleurs-habitants",
                        "title_fr": "Rendre compte aux bailleurs et aux habitants",
                        "title_en": "Reporting to funders and residents",
                        "body": [
                            ("paragraph",
                             "<p>Un projet municipal financé par un partenaire extérieur, qu'il "
                             "s'agisse d'une banque de développement, d'une agence de coopération ou "
                             "d'une ville jumelle, s'accompagne d'obligations de "
                             "<strong>rapportage</strong>. Ces rapports sont souvent vécus comme une "
                             "contrainte. Bien préparés, ils deviennent un outil de pilotage et un "
                             "argument pour obtenir de nouveaux financements. Et les habitants, eux "
                             "aussi, ont droit à des comptes.</p>"),
                            ("heading", "Ce qu'attend un bailleur"),
                            ("table", {
                                "caption": "Le contenu type d'un rapport d'avancement",
                                "header": ["Rubrique", "Contenu", "Conseil pratique"],
                                "rows": [
                                    ["Résumé", "Les faits marquants de la période en une page", "À écrire en dernier, à lire en premier"],
                                    ["Avancement physique", "Réalisations par rapport au calendrier", "Photos datées et localisées"],
                                    ["Indicateurs", "Valeurs mesurées par rapport à la référence et aux cibles", "Même définition qu'au départ"],
                                    ["Exécution financière", "Dépenses par rubrique par rapport au budget", "Rapprochée avec la comptabilité de la commune"],
                                    ["Écarts et risques", "Retards, surcoûts, difficultés et mesures prises", "Mieux vaut signaler tôt que justifier tard"],
                                    ["Enseignements", "Ce qui a marché, ce qui doit changer", "Alimente la phase suivante"],
                                ],
                            }),
                            ("callout", {
                                "kind": "warning",
                                "title": "Ne cachez pas les difficultés",
                                "text": "<p>Un rapport qui annonce que « tout se déroule comme prévu » jusqu'au "
                                        "jour où le projet s'arrête détruit la confiance du partenaire. Les "
                                        "bailleurs savent que les projets rencontrent des obstacles : ils "
                                        "attendent surtout qu'on les <strong>signale tôt</strong>, avec une "
                                        "analyse et une proposition de solution.</p>",
                            }),
                            ("heading", "Rendre compte aux habitants"),
                            ("paragraph",
                             "<p>La redevabilité ne s'arrête pas aux bailleurs. Les habitants "
                             "financent aussi la commune et vivent avec les résultats des projets. "
                             "Quelques pratiques simples :</p>"
                             "<ul><li>un panneau de chantier indiquant le coût, le financeur, "
                             "l'entreprise et le délai ;</li>"
                             "<li>une réunion publique annuelle de bilan des projets, quartier par "
                             "quartier ;</li>"
                             "<li>un tableau de bord publié sur le site ou la page de la commune, avec "
                             "quelques indicateurs clés ;</li>"
                             "<li>l'association des comités de quartier au suivi des chantiers, par "
                             "exemple lors de la réception des travaux.</li></ul>"),
                            ("case_study", {
                                "title": "Le programme de latrines scolaires",
                                "context": "<p>Une commune (exemple fictif) a reçu un financement pour "
                                           "construire des latrines dans 30 écoles. À mi-parcours, 25 blocs "
                                           "sont construits, mais une visite montre que 8 sont fermés à clé "
                                           "faute d'eau pour le nettoyage, et que les filles les utilisent "
                                           "peu faute de séparation. Le rapport au bailleur est dû dans un "
                                           "mois.</p>",
                                "question": "Que doit contenir le rapport, et quelles décisions proposer ?",
                                "discussion": "<p>Le rapport doit présenter les réalisations (25 blocs sur 30) "
                                              "mais aussi l'indicateur d'effet : des latrines réellement "
                                              "utilisées, par les filles comme par les garçons. Il expose "
                                              "honnêtement les difficultés et propose des mesures : point "
                                              "d'eau ou réservoir, blocs séparés par sexe pour les cinq écoles "
                                              "restantes et adaptation des blocs existants, comité d'hygiène "
                                              "avec les parents et un budget d'entretien inscrit au budget "
                                              "communal. Ce type de rapport renforce la crédibilité de la "
                                              "commune.</p>",
                            }),
                            ("quote", {
                                "text": "Le jour où nous avons publié la liste des chantiers avec leur coût et "
                                        "leur état d'avancement, les comités de quartier sont devenus nos "
                                        "meilleurs contrôleurs. Ils nous appelaient avant même l'ingénieur.",
                                "attribution": "Un maire d'une commune urbaine, Burkina Faso (témoignage fictif)",
                            }),
                            ("image", {
                                "title": "Rendre compte : bailleurs et habitants",
                                "alt": "Tableau de bord municipal avec des jauges d'avancement de projets, affiché devant un groupe d'habitants",
                                "caption": "Un même tableau de bord peut servir au rapport au bailleur et à l'information des habitants.",
                                "color": "#d35400",
                            }),
                        ],
                    },
                ],
                "quiz": {
                    "slug": "quiz-suivi-evaluation-projets",
                    "title_fr": "Quiz : suivre et évaluer les projets municipaux",
                    "title_en": "Quiz: monitoring and evaluating municipal projects",
                    "pass_mark": 60,
                    "questions": [
                        {
                            "type": "numerical",
                            "text": "Situation de référence : 40 % des ménages ont accès à un point d'eau à moins "
                                    "de 200 mètres. Cible : 60 %. Valeur mesurée à mi-parcours : 52 %. Quel est "
                                    "le taux d'atteinte de la cible, en pourcentage ?",
                            "answers": [
                                {"value": 60, "tolerance": 1, "weight": 100,
                                 "feedback": "Exact : (52 − 40) / (60 − 40) = 12 / 20 = 60 %."},
                                {"value": 87, "tolerance": 1, "weight": 0,
                                 "feedback": "52 / 60 ≈ 87 % ignore la situation de référence. Le progrès se "
                                             "mesure depuis le point de départ : (52 − 40) / (60 − 40) = 60 %."},
                            ],
                            "general_feedback": "Le taux d'atteinte compare le progrès réalisé au progrès visé, "
                                                "à partir de la situation de référence.",
                        },
                        {
                            "type": "matching",
                            "text": "Associez chaque indicateur au niveau de la chaîne des résultats.",
                            "pairs": [
                                {"left": "Montant du budget dépensé", "right": "Moyens"},
                                {"left": "Nombre de bornes-fontaines en service", "right": "Réalisations"},
                                {"left": "Part des ménages à moins de 200 mètres d'un point d'eau fonctionnel", "right": "Effets"},
                                {"left": "Baisse des maladies diarrhéiques chez les jeunes enfants", "right": "Impact"},
                            ],
                            "distractors": ["Situation de référence"],
                            "general_feedback": "Suivez au moins un indicateur d'effet : c'est lui qui montre "
                                                "si la vie des habitants change.",
                        },
                        {
                            "type": "single",
                            "text": "À mi-parcours, un projet prend du retard. Quelle est la meilleure "
                                    "attitude dans le rapport au bailleur ?",
                            "choices": [
                                {"text": "Signaler le retard, en analyser les causes et proposer des mesures", "correct": True,
                                 "feedback": "Oui : les bailleurs attendent une alerte précoce et une solution."},
                                {"text": "Indiquer que tout se déroule comme prévu et rattraper le retard plus tard", "correct": False,
                                 "feedback": "Non : si le retard se révèle plus tard, la confiance sera perdue."},
                                {"text": "Retarder l'envoi du rapport", "correct": False,
                                 "feedback": "Non : un rapport en retard inquiète davantage qu'un rapport qui "
                                             "expose honnêtement une difficulté."},
                            ],
                            "general_feedback": "Mieux vaut signaler tôt que justifier tard.",
                        },
                        {
                            "type": "essay",
                            "text": "Choisissez un projet de votre commune (eau, déchets, école, état civil…). "
                                    "Proposez trois indicateurs : un de réalisation, deux d'effet, avec pour "
                                    "chacun sa définition, sa situation de référence, sa cible, sa source et "
                                    "son responsable.",
                            "general_feedback": "Une bonne réponse distingue réalisations et effets, définit "
                                                "précisément chaque indicateur, propose une situation de "
                                                "référence mesurable et une cible datée, et ventile si possible "
                                                "les données par quartier ou par sexe.",
                        },
                    ],
                },
            },
        ],
    },
]
