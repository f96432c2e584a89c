import type { FindingsLabels } from './types.ts';

/** No-break space: French puts one before `:`, `;` and inside « ». */
const nb = '\u00a0';

/** French, in the interface's words (client/src/i18n/locales/fr.ts): rounds are "anonymous questions", frames "zones", facilitators "animateurs". */
export const fr = {
  dateLocale: 'fr',
  docxLanguage: 'fr-FR',
  direction: 'ltr',
  colon: `${nb}:`,
  listSeparator: ', ',
  detailSeparator: `${nb}; `,
  quote: (text) => `«${nb}${text}${nb}»`,
  counts: {
    note: { one: '# note', many: '# de notes', other: '# notes' },
    dot: { one: '# point', many: '# de points', other: '# points' },
    answer: { one: '# réponse', many: '# de réponses', other: '# réponses' },
    ballot: { one: '# bulletin', many: '# de bulletins', other: '# bulletins' },
  },

  untitledBoard: 'Tableau sans titre',
  intro: `Résultats exportés de Clapboard. Les chiffres remplacent les personnes${nb}: rien ici ne dit qui a écrit quoi.`,
  generatedOn: (day) => `Résultats, générés le ${day}. Les chiffres remplacent les personnes${nb}: rien ici ne dit qui a écrit quoi.`,
  docxDescription: 'Résultats exportés de Clapboard',

  about: { heading: 'À propos de cette démarche de participation', level: 'Niveau de participation (échelle de l’IAP2)', none: 'Ce tableau n’a pas de présentation de la démarche.' },
  levels: { inform: 'Informer', consult: 'Consulter', involve: 'Impliquer', collaborate: 'Collaborer', empower: 'Confier la décision' },
  statement: {
    purpose: 'Objectif',
    canChange: 'Ce qui peut changer',
    cannotChange: 'Ce qui ne peut pas changer',
    inputUse: 'Comment ce que disent les personnes sera utilisé',
    feedback: 'Comment les personnes auront des nouvelles',
    runBy: 'Organisé par',
    deleteOn: 'Date de suppression des données',
  },

  participation: {
    heading: 'Participation',
    what: 'Quoi',
    count: 'Nombre',
    notes: 'Notes',
    anonymousNotes: 'Notes anonymes',
    answers: 'Réponses aux questions anonymes',
    rounds: 'Questions anonymes',
    votes: 'Votes',
    themes: 'Thèmes',
    actions: 'Actions',
    round: (prompt, answers) => `Question ${prompt}${nb}: ${answers}`,
    vote: (number, dots, access, ballots) => `Vote ${number} (${dots} par personne, ${access})${nb}: ${ballots}`,
    access: { anyone: 'ouvert à toute personne ayant le lien', codes: 'avec des codes de vote' },
    stillOpen: 'toujours ouvert',
  },

  themes: {
    heading: 'Thèmes',
    none: 'Pas encore de thèmes.',
    untitled: 'Thème sans titre',
    summary: (notes, dots, suggested) => `${notes}, ${dots} dans les votes${suggested ? ', suggéré par le tableau et accepté par un animateur' : ''}.`,
    quotes: 'Avec les mots des personnes',
    saidDid: 'Vous avez dit, nous avons fait',
    nothingYet: 'Rien n’est encore enregistré.',
    notes: 'Notes',
  },

  actions: {
    kinds: { did: 'Nous avons fait', will: 'Nous allons faire', cannot: 'Nous ne pouvons pas' },
    statuses: { planned: 'prévu', 'in-progress': 'en cours', done: 'fait', 'not-possible': 'impossible' },
    owner: (owner) => `responsable${nb}: ${owner}`,
    due: (day) => `pour le ${day}`,
    because: (text, reason) => `${text}, parce que ${reason}`,
  },

  rounds: {
    heading: 'Questions anonymes',
    none: 'Aucune question anonyme.',
    appendix: `Annexe${nb}: toutes les réponses`,
    appendixNone: 'Ce tableau n’a eu aucune question anonyme.',
    states: { open: 'Ouverte', closed: 'Fermée, non dévoilée', revealed: 'Dévoilée' },
    summary: (state, answers) => `${state}${nb}; ${answers}.`,
  },

  hidden: (reason) => `Masquée par un animateur${nb}: ${reason}`,

  unthemed: { heading: 'Notes hors thème', none: 'Chaque note est dans un thème.' },
  frames: { heading: 'Zones', none: 'Aucune zone.', untitled: 'Zone sans titre' },

  notes: {
    note: (colour) => `note (${colour})`,
    answer: 'réponse anonyme',
    anonymousNote: 'note anonyme',
    inFrame: (frame) => `dans ${frame}`,
    tags: (tags) => `étiquettes${nb}: ${tags}`,
    duplicate: 'doublon',
    inThemes: (themes) => `dans les thèmes ${themes}`,
    empty: '(vide)',
  },
  colours: { yellow: 'jaune', orange: 'orange', red: 'rouge', pink: 'rose', violet: 'violet', blue: 'bleu', teal: 'bleu-vert', green: 'vert', gray: 'gris' },
} satisfies FindingsLabels;
