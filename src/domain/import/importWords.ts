// The words Convert reads exports with: header phrases in English and the field names CRMs' databases
// and APIs use (Odoo, Dynamics 365, SugarCRM, Freshsales, Close, Copper, monday), then German, Danish,
// Swedish, Norwegian, Dutch, French, Spanish and Portuguese, as their exports write them (accents
// folded: "Währung" is "wahrung"; æ, ø and ß stay), each field's best first, then Russian (amoCRM,
// Bitrix24), Japanese (Salesforce's Japanese labels), Chinese and Korean; and the words for won,
// lost, open and pipeline stages in those languages (and Italian; won and lost ones also in Chinese,
// Korean, Finnish, Turkish, Czech and Hungarian, as whole names).
//
// Not part of the script every execution loads: only Convert's on-demand bundle holds them
// (dist/ConvertCode.html, see workbook/core/onDemand.ts).
import type { ImportField, ImportWords } from './headerVocabulary';

const LINES: Readonly<Record<ImportField, readonly string[]>> = {
  dealId: [
    'deal id|record id|opportunity id|opp id|id|object id|hs object id|crm id|external id|deal number|opportunity number|record number|do not modify opportunity|opportunityid|sheets crm deal id|sheets crm deal id c',
    'id de fiche d informations|id de la fiche|id de la transaction|id del registro|id de registro|id do registro|id do negocio|datensatz id|post id',
  ],
  deal: [
    'deal|deal name|opportunity name|title|deal title|name|opportunity|subject|opportunity title|product|product name|item|service|topic|card name|task name|item name|card|task',
    'titel|deal titel|verkaufschance|navn|aftale|aftalenavn|namn|affar|affarsnamn|tittel|avtale|avtalenavn|naam|dealnaam|titre|nom|nom de la transaction|nom de l affaire|affaire|opportunite|nom de l opportunite|titulo|nombre|nombre del negocio|negocio|oportunidad|nombre de la oportunidad|trato|nome|nome do negocio|oportunidade|nome da oportunidade',
    'название сделки|название|сделка|наименование сделки|наименование|案件名|商談名|案件|商談|商机名称|商机|机会名称|영업 기회 이름|기회 이름|거래명',
  ],
  company: [
    'company|company name|account name|account|organization|organisation|organization name|organisation name|org|org name|customer|customer name|client|client name|associated company|associated company name|partner name|related to|potential customer|accounts|sales account|party',
    'firma|unternehmen|kunde|organisasjon|firmenname|virksomhed|kunde navn|foretag|kund|foretagsnamn|bedrift|selskap|bedrijf|klant|organisatie|bedrijfsnaam|entreprise|entreprise associee|societe|compte|nom de l entreprise|empresa|cuenta|organizacion|nombre de la empresa|empresa associada|conta|organizacao|nome da empresa',
    'компания|название компании|организация|клиент|контрагент|取引先名|取引先|会社名|企業名|顧客名|顧客|客户名称|客户|公司名称|회사명|거래처|고객사',
  ],
  contact: [
    'contact|contact name|contact person|person|primary contact|associated contact|contact full name|person name|contacts',
    'kontaktperson|kontakt|ansprechpartner|contactpersoon|personne|personne a contacter|contact associe|contacto|persona de contacto|persona|contato|pessoa|pessoa de contato',
    'контакт|контактное лицо|основной контакт|取引先責任者|連絡先',
  ],
  email: [
    'email|e mail|email address|contact email|person email|primary email|contact e mail',
    'e mail adresse|e post|epost|e postadresse|courriel|adresse e mail|correo|correo electronico|endereco de e mail',
    'электронная почта|эл почта|email контакта|メール|メールアドレス|邮箱|电子邮件|이메일',
  ],
  owner: [
    'owner|deal owner|opportunity owner|owner name|record owner|sales rep|rep|sales representative|salesperson|sales person|sales agent|agent|account manager|account executive|ae|assigned to|assigned user|assigned user name|assigned to name|assignee|user|seller|hubspot owner|owner email|rep email|sales owner|user name|owned by|assignees|members|responsible person',
    'besitzer|inhaber|eigentumer|verantwortlich|verantwortlicher|zustandig|vertriebsmitarbeiter|verkaufer|ejer|ansvarlig|sælger|agare|ansvarig|saljare|eier|selger|eigenaar|verantwoordelijke|verkoper|proprietaire|proprietaire de la transaction|proprietaire de l affaire|responsable|commercial|vendeur|propietario|vendedor|comercial|asignado a|propietario del negocio|proprietario|responsavel|dono|proprietario do negocio',
    'ответственный|ответственный менеджер|менеджер|владелец|所有者|商談 所有者|案件 所有者|担当者|営業担当者|営業担当|负责人|销售负责人|所有人|담당자|소유자',
  ],
  stage: [
    'stage|deal stage|stage name|pipeline stage|sales stage|opportunity stage|phase|pipeline phase|status label|milestone|deal milestone|opportunity milestone',
    'verkaufsphase|stufe|fase|trin|salgsfase|steg|fas|affarssteg|stadium|verkoopfase|etape|phase de la transaction|etape de vente|phase de vente|etape de la transaction|etapa|etapa del negocio|etapa de venta|estagio|etapa do negocio|etapa de venda',
    'этап сделки|этап|стадия сделки|стадия|フェーズ|ステージ|商談フェーズ|销售阶段|商机阶段|阶段|영업 단계|단계',
  ],
  amount: [
    'amount|deal amount|deal value|value|opportunity amount|close value|revenue|deal size|acv|arr|tcv|contract value|price|total|total value|sale amount|amount usd|amount in company currency|amount converted|booking|bookings|expected revenue|planned revenue|est revenue|estimated revenue|est value|estimated value|monetary value|opportunity value',
    'wert|betrag|umsatz|auftragswert|volumen|værdi|beløb|omsætning|varde|belopp|affarsvarde|verdi|beløp|waarde|bedrag|omzet|montant|valeur|chiffre d affaires|montant de la transaction|monto|importe|valor|ingresos|valor del negocio|monto del negocio|montante|receita|valor do negocio',
    'бюджет|сумма|сумма сделки|стоимость|金額|商談金額|受注金額|売上|商机金额|销售金额|预计金额|금액',
  ],
  closeDate: [
    'close date|expected close date|closing date|expected close|close|closed date|date closed|target close date|estimated close date|close date expected|won date|won time|closed on|decision date|date deadline|deadline|expected closing date|expected closing|expected|est close date|actual close date|date won|forecast close date|forecast close|projected close date|anticipated close date',
    'abschlussdatum|erwartetes abschlussdatum|voraussichtliches abschlussdatum|geplantes abschlussdatum|lukkedato|forventet lukkedato|slutdato|forventet slutdato|stangningsdatum|forvantat stangningsdatum|slutdatum|avslutsdatum|forvantat avslutsdatum|avslutningsdato|forventet avslutningsdato|sluttdato|sluitingsdatum|verwachte sluitingsdatum|afsluitdatum|verwachte afsluitdatum|date de cloture|date de fermeture|date de cloture prevue|date de fermeture prevue|date de conclusion|fecha de cierre|fecha cierre|fecha de cierre prevista|fecha prevista de cierre|fecha estimada de cierre|data de fechamento|data prevista de fechamento|data de encerramento|data de fecho',
    'дата закрытия|предполагаемая дата закрытия|дата завершения|完了予定日|受注予定日|クローズ予定日|预计成交日期|结单日期|预计签单日期|마감일|예상 마감일',
  ],
  probability: [
    'probability|win probability|deal probability|deal stage probability|likelihood|chance|confidence|close probability|probability of winning|probability of win|win chance|win likelihood|customized win likelihood|prob|chance of winning|chance to win|win odds|odds of winning',
    'wahrscheinlichkeit|abschlusswahrscheinlichkeit|sandsynlighed|sannolikhet|sannsynlighet|kans|waarschijnlijkheid|slagingskans|probabilite|probabilite de conclusion|probabilidad|probabilidade',
    'вероятность|вероятность сделки|確度|確度 %|受注確度|赢率|成交概率|가능성',
  ],
  forecastCategory: [
    'forecast category|forecast category name|forecast',
    'prognosekategorie|categorie de prevision|categoria de pronostico|categoria de previsao',
  ],
  leadSource: [
    'lead source|source|original source|deal source|channel|acquisition channel|lead source type|origin|marketing source',
    'quelle|lead quelle|herkunft|kilde|leadkilde|kalla|leadkalla|bron|leadbron|origine|source du lead|fuente|origen|fuente del lead|origem|fonte',
    'источник|источник сделки|リードソース',
  ],
  industry: [
    'industry|vertical|sector|company industry|account industry|organization industry|organisation industry|org industry',
    'branche|bransch|industrie|secteur|secteur d activite|industria|setor|sektor',
    'отрасль|сфера деятельности|業種|业种|行业|所属行业|업종|산업',
  ],
  employees: [
    'employees|employee count|number of employees|no of employees|company size|headcount|size|staff|organization number of employees|organisation number of employees|organization employees|company employees|account employees|company number of employees',
    'mitarbeiter|anzahl mitarbeiter|medarbejdere|antal medarbejdere|anstallda|antal anstallda|ansatte|antall ansatte|medewerkers|aantal medewerkers|employes|nombre d employes|effectif|empleados|numero de empleados|funcionarios|numero de funcionarios',
    'количество сотрудников|число сотрудников|сотрудников|従業員数|员工人数|员工数|직원 수',
  ],
  lostReason: [
    'lost reason|loss reason|closed lost reason|reason lost|lost reasons|reason for loss|close lost reason|why lost',
    'verlustgrund|grund fur verlust|verlustursache|absagegrund|tabsarsag|arsag til tab|grund til tab|forlustorsak|orsak till forlust|anledning till forlust|tapsarsak|arsak til tap|grunn til tap|reden verloren|verliesreden|reden van verlies|raison de la perte|motif de perte|motif de la perte|motivo de perdida|razon de perdida|motivo perdida|motivo da perda|motivo de perda|razao da perda',
    'причина отказа|причина провала|причина проигрыша|失注理由|输单原因|丢单原因',
  ],
  competitor: [
    'competitor|competitors|lost to|main competitor|competition',
    'wettbewerber|konkurrent|konkurrenter|konkurrenten|concurrent|concurrentie|concurrence|competidor|concorrente',
  ],
  nextStep: [
    'next step|next steps|next action',
    'nachster schritt|naechster schritt|næste skridt|nasta steg|neste steg|neste skritt|volgende stap|prochaine etape|proximo paso|siguiente paso|proximo passo',
    'следующий шаг|次のステップ',
  ],
  nextStepDate: ['next step date|next activity date|next action date|follow up date|follow up|next activity'],
  created: [
    'created|created date|create date|created at|date created|deal created|created on|created time|creation date|add time|added|date added|open date|opened|date opened|engage date|engaged|engaged on|start date|started|date entered|entered|first contact',
    'erstellt|erstellt am|erstellungsdatum|deal erstellt|angelegt|angelegt am|oprettet|oprettelsesdato|oprettet den|aftale oprettet|skapad|skapat|skapad datum|affar skapad|opprettet|opprettelsesdato|avtale opprettet|aangemaakt|aangemaakt op|gemaakt op|aanmaakdatum|date de creation|cree le|creee le|cree|date d ajout|fecha de creacion|creado|creado el|fecha creacion|data de criacao|criado|criado em|data criacao',
    'дата создания|создана|создано|作成日|作成日時|创建时间|创建日期|생성일|작성일',
  ],
  stageEntered: [
    'stage entered|date entered current stage|last stage change|last stage change at|stage changed at|stage change date|stage date',
  ],
  updated: [
    'updated|last modified date|last modified|updated at|last updated|update time|modified|modified time|modified date|modified at|modified on|date modified|last modified time|write date|updated on|last update|date updated|last activity|last activity date|last updated on|do not modify modified on',
    'geandert|geandert am|zuletzt geandert|aktualisiert|aktualisiert am|letzte aktualisierung|ændret|senest ændret|sidst opdateret|andrad|senast andrad|uppdaterad|endret|sist endret|oppdatert|gewijzigd|laatst gewijzigd|bijgewerkt|modifie|modifie le|derniere modification|mis a jour|modificado|ultima modificacion|actualizado|atualizado|ultima atualizacao|modificado em',
    'дата изменения|изменена|изменено|最終更新日|最終更新日時|更新日|最后修改时间|修改时间|更新时间|수정일',
  ],
  notes: [
    'notes|note|description|comments|comment|details|remarks',
    'notizen|notiz|beschreibung|bemerkungen|noter|beskrivelse|anteckningar|beskrivning|notater|notities|beschrijving|opmerkingen|remarques|commentaires|notas|descripcion|observaciones|descricao|observacoes',
    'примечание|примечания|комментарий|описание|説明|メモ|备注|描述|메모',
  ],
};

/** Regular expressions (as text) from a list of alternatives, whole words or whole values. */
const anyWord = (alternatives: string) => `\\b(${alternatives})\\b`;
const whole = (alternatives: string) => `^(${alternatives})$`;

export const IMPORT_WORDS: ImportWords = {
  headers: Object.fromEntries(
    Object.entries(LINES).map(([field, lines]) => [field, lines.join('|').split('|')]),
  ) as Record<ImportField, string[]>,
  objects:
    'deal|opportunity|opp|potential|aftale|avtale|affar|affaire|transaction|opportunite|negocio|trato|oportunidad|oportunidade|verkaufschance'.split(
      '|',
    ),
  others: [
    'created by|creator|created by name|modified by|last modified by|updated by|changed by|weighted value|weighted amount|currency|currency of value|pipeline|sales team|team',
    'воронка|валюта|создал|изменил|通貨|作成者|最終更新者|ersteller|erstellt von|geandert von|oprettet af|ændret af|skapad av|andrad av|opprettet av|endret av|aangemaakt door|maker|gewijzigd door|cree par|modifie par|creado por|modificado por|criado por|modificado por|wahrung|wahrung des werts|valuta|devise|moneda|divisa|moeda',
  ]
    .join('|')
    .split('|'),
  status:
    'status|deal status|opportunity status|status type|opportunity state|deal state|win loss|won lost|outcome|deal outcome|statut|estado|estado del negocio'.split(
      '|',
    ),
  active: 'active|aktiv|actif|activo|ativo|actief'.split('|'),
  // A won or a closed flag beside the stage (Salesforce's IsWon and IsClosed, its reports' Won and
  // Closed checkboxes, a warehouse's is_won and is_closed).
  wonFlag: 'won|is won|iswon|won flag|is closed won|closed won flag|gewonnen|ganado|gagne'.split('|'),
  lostFlag:
    'lost|is lost|islost|lost flag|is closed lost|closed lost flag|verloren|perdido|perdu|perdue'.split('|'),
  closedFlag:
    'closed|is closed|isclosed|closed flag|is deal closed|deal closed|geschlossen|cerrado|ferme'.split('|'),
  // A deleted flag (SugarCRM's and vtiger's deleted, Salesforce's IsDeleted), and a status saying
  // deleted (Pipedrive): such rows are left out (deletedRows.ts).
  deletedFlag: 'deleted|is deleted|isdeleted|deleted flag|record deleted|is removed'.split('|'),
  deleted: whole('deleted|removed|geloscht|supprimee?|eliminad[oa]|excluid[oa]|verwijderd|slettet|raderad'),
  // English, Spanish, Portuguese, French, German, Italian, Dutch, Danish, Swedish, Norwegian.
  won: anyWord(
    'won|win|signed|booked|renewed|ganad[oa]s?|ganh[oa]|gagnee?s?|gewonnen|vint[oa]|vinte|vundet|vunnen|vunnet|sold|vendid[oa]s?|vendue?s?|verkauft|verkocht|solgt|sald|vendut[oa]|wygran[aey]?|sprzedan[aey]?',
  ),
  notWon: anyWord(
    '(not|non|no|never|un) ?(won|win|signed|booked|renewed|sold)|out ?sold|non ?renewal|no ?renewal|nicht gewonnen|nicht verkauft|no ganad[oa]|no vendid[oa]|non gagnee?|non vendue?|niet gewonnen|niet verkocht|nie ?sprzedan[aey]?',
  ),
  lost: anyWord(
    'lost|lose|loss|dead|przegran[aey]?|disqualified|unqualified|rejected|declined|not interested|no interest|out ?sold|no go|bad fit|not a fit|poor fit|unresponsive|no response|ghosted|withdrawn|cancell?ed|churned|no decision|abandoned|abandonn?ee?s?|abandonad[oa]s?|perdid[oa]s?|cancelad[oa]s?|rechazad[oa]s?|descartad[oa]s?|perdue?s?|annulee?s?|verloren|abgesagt|pers[oa]|vervallen|tabt|tapt|forlorad|forlorat|forlort|kein(e)? interesse|pas interesse|non interesse|sans interet|sin interes|no interesad[oa]|sem interesse|nao interessad[oa]|geen interesse|niet geinteresseerd|ikke interesseret|ikke interessert|inte intresserad|nessun interesse|non interessat[oa]|disqualifiziert|nicht qualifiziert|disqualifiee?|descalificad[oa]|desqualificad[oa]|gediskwalificeerd|diskvalificeret|diskvalificerad|diskvalifisert|squalificat[oa]|abgelehnt|refusee?|rejetee?|recusad[oa]|afgewezen|afvist|avslag|avvist|avvisad|rifiutat[oa]|storniert|annullat[oa]|geannuleerd|annulleret|annullerad|kansellert',
  ),
  // Events a won word may follow without a sale ("Demo booked", "NDA signed", "Verbal win"; "up" for
  // "Signed up", a trial's sign-up).
  event: anyWord(
    'demo|demos|meeting|meetings|call|calls|appointment|intro|introduction|discovery|trial|pilot|poc|nda|mnda|loi|mou|workshop|visit|onsite|on site|session|tour|viewing|consult|consultation|interview|verbal|presentation|webinar|rdv|termin|reunion|cita|up',
  ),
  eventOutcome: anyWord('booked|signed|win'),
  afterSale: whole(
    '(closed |deal )?(успешно реализовано|수주|сделка успешна|успешна|выиграна|выигран|выиграно|受注|成約|成立|赢单|成交|voitettu|kazan[ıi]ld[ıi]|kazan[ıi]lan|vyhrano|megnyert|quote accepted|proposal accepted|offer accepted|estimate accepted|success|successful|angebot angenommen|devis accepte|presupuesto aceptado|proposta aceita|paid|invoiced|invoice paid|payment received|customer|client|active customer|onboarding|onboarded|implementation|implemented|go live|order received|order placed|po received|purchase order|purchase order received|contract executed|executed|kunde|auftrag erteilt|auftrag|beauftragt|bezahlt|commande|commande passee|bon de commande|pedido|pedido confirmado|encomenda|bestelling|bestilling|bestallning|ordine|paye|payee|facture|facturee|cliente|pagado|pagada|facturado|faturado)',
  ),
  thrownOut: whole(
    '(closed |deal )?(закрыто и не реализовано|실주|анализ причины провала|не реализовано|сделка провалена|провалена|проиграна|проигран|проиграно|отказ|失注|不成立|输单|丢单|havitty|menetetty|kaybedildi|kaybedilen|prohrano|elvesztett|failed|failure|analy[sz]e failure|junk|spam|duplicate|dupe|duplicated|invalid|invalid lead|expired|timed out|timeout|time out|went dark|gone dark|trash|bounced|wrong contact|bad data|doublon|duplikat|dublette|ungultig|abgelaufen|caducado|caducada|vencido|vencida|expire|expiree)',
  ),
  closedWon: whole(
    'closed|done|live|complete|completed|finished|closed other|abgeschlossen|erledigt|fertig|termine|terminee|ferme|fermee|cerrado|cerrada|finalizado|finalizada|concluido|concluida|fechado|fechada|chiuso|chiusa|gesloten|afgesloten|afsluttet|avslutad|avsluttet',
  ),
  closedLost: whole(
    'archived|archive|inactive|dormant|archiviert|inaktiv|archivee|inactif|archivado|archivada|inactivo|inactiva|arquivado|arquivada|inativo|inativa|gearchiveerd',
  ),
  open: whole(
    'open|opened|active|in progress|pending|suspended|on hold|paused|offen|aben|oppen|apen|ouvert|ouverte|en cours|abierto|abierta|en curso|aberto|aberta|em andamento|actief',
  ),
  // A checkbox as Airtable (checked) and others (x) export it; ticks are read in stageAdoption.ts.
  yes: whole('true|yes|y|1|wahr|ja|oui|si|sim|vrai|verdadero|verdadeiro|waar|checked|x'),
  no: whole('false|no|n|0|falsch|nein|nej|non|nee|nao|faux|falso|onwaar|unchecked'),
  // "Angebot erstellt", "Rendez-vous programmé", "Propuesta enviada", "Forhandling"…
  pipeline: [
    [anyWord('new|lead|leads|inbound|mql|cold|neu|nouveau|nuevo|novo|ny|nieuw'), 1],
    [
      'prospect|\\bsql\\b|contacted|outreach|appointment|first call|connect|kontakt|contact|rendez vous|\\btermin\\b|\\bmote\\b|afspraak|\\bcita\\b',
      2,
    ],
    ['engag|discover|intro|initial|interest|interess|interes', 3],
    ['qualif|kwalific|kvalific|calific', 4],
    ['meeting|demo|present|needs|analys|evaluat|trial|pilot|\\bpoc\\b|scoping|bedarf|behov|reunion', 5],
    [
      'solution|value prop|decision|identify|perception|buy ?in|bought|champion|\\bm?nda\\b|losung|oplossing|solucion|solucao',
      6,
    ],
    [
      'proposal|quote|pricing|\\bprice\\b|estimate|offer|angebot|tilbud|offert|proposition|devis|propuesta|proposta|cotiza|orcamento',
      7,
    ],
    [
      'negotiat|contract|review|legal|procurement|commit|verbal|closing|sent|\\bloi\\b|\\bmou\\b|verhandl|vertrag|forhandl|onderhandel|negoci|contrat|kontrakt|envoye|enviad',
      8,
    ],
  ],
  vendors: [
    // Pipedrive's default pipeline (an older one began with Lead In).
    ['lead in', 'qualified', 'contact made', 'demo scheduled', 'proposal made', 'negotiations started'],
    // HubSpot's sales pipeline, by label and by internal name.
    [
      'appointment scheduled',
      'qualified to buy',
      'presentation scheduled',
      'decision maker bought in',
      'contract sent',
    ],
    // Salesforce's (and Zoho's) opportunity stages.
    [
      'prospecting',
      'qualification',
      'needs analysis',
      'value proposition',
      'id decision makers',
      'identify decision makers',
      'perception analysis',
      'proposal price quote',
      'negotiation review',
    ],
  ],
};
